package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bearingworkbench.io.InputFormatException;

/**
 * A RIFF/WAVE file's header and samples: PCM 8/16/24/32-bit and IEEE float 32/64-bit (plain or
 * WAVE_FORMAT_EXTENSIBLE), any channel count, read at any frame offset without loading the whole file. Samples are
 * returned as they are stored (integers scaled to [-1, 1), floats as is). A broken header names what is wrong.
 */
public record WavFile(
        Path path, int channels, double sampleRate, int bitsPerSample, boolean floating, long dataOffset, long frames) {
    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    public static WavFile open(Path path) throws InputFormatException {
        String name = path.getFileName().toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, head, 0);
            if (head.position() < 12 || head.getInt(0) != 0x46464952 || head.getInt(8) != 0x45564157) {
                throw new InputFormatException(name + ": not a WAV file (no RIFF/WAVE header)");
            }
            long pos = 12;
            Fmt fmt = null;
            while (pos + 8 <= ch.size()) {
                ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, chunk, pos);
                int id = chunk.getInt(0);
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                if (id == 0x20746d66) { // "fmt "
                    if (size < 16 || size > 1024) {
                        throw new InputFormatException(name + ": broken WAV header (fmt chunk of " + size + " bytes)");
                    }
                    ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
                    readFully(ch, b, pos + 8);
                    int format = Short.toUnsignedInt(b.getShort(0));
                    if (format == EXTENSIBLE && size >= 26) {
                        format = Short.toUnsignedInt(b.getShort(24));
                    }
                    fmt = new Fmt(
                            format,
                            Short.toUnsignedInt(b.getShort(2)),
                            Integer.toUnsignedLong(b.getInt(4)),
                            Short.toUnsignedInt(b.getShort(14)),
                            Short.toUnsignedInt(b.getShort(12)));
                } else if (id == 0x61746164) { // "data"
                    if (fmt == null) {
                        throw new InputFormatException(name + ": broken WAV header (data before the fmt chunk)");
                    }
                    return check(name, path, fmt, pos + 8, Math.min(size, ch.size() - pos - 8));
                }
                pos += 8 + size + (size & 1);
            }
            throw new InputFormatException(
                    name + ": broken WAV file (" + (fmt == null ? "no fmt chunk" : "no data chunk") + ")");
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** What the fmt chunk says: the encoding, channels, frame rate, bits per sample and bytes per frame. */
    private record Fmt(int format, int channels, long rate, int bits, int blockAlign) {}

    private static WavFile check(String name, Path path, Fmt fmt, long offset, long bytes) throws InputFormatException {
        int format = fmt.format();
        int channels = fmt.channels();
        long rate = fmt.rate();
        int bits = fmt.bits();
        int blockAlign = fmt.blockAlign();
        boolean floating = format == FLOAT;
        if (format != PCM && !floating) {
            throw new InputFormatException(name + ": WAV encoding " + format + " is not PCM or IEEE float");
        }
        if (channels < 1 || channels > 1024 || rate < 1 || rate > 10_000_000) {
            throw new InputFormatException(name + ": broken WAV header (" + channels + " channels at " + rate + " Hz)");
        }
        boolean bitsOk = floating ? bits == 32 || bits == 64 : bits == 8 || bits == 16 || bits == 24 || bits == 32;
        if (!bitsOk || blockAlign != channels * bits / 8) {
            throw new InputFormatException(name + ": broken WAV header (" + bits + " bits, block " + blockAlign
                    + " bytes for " + channels + " channels)");
        }
        return new WavFile(path, channels, rate, bits, floating, offset, bytes / blockAlign);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        long p = pos;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                break;
            }
            p += n;
        }
    }

    /** Frames {@code [start, start + count)} as {@code [channel][frame]}; fewer when the file ends first. */
    public double[][] read(long start, long count) throws InputFormatException {
        long n = Math.max(0, Math.min(count, frames - start));
        int bytesPerSample = bitsPerSample / 8;
        long bytes = n * channels * bytesPerSample;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new InputFormatException(
                    path.getFileName() + ": a snapshot of " + n + " frames is too large to read");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            readFully(ch, buf, dataOffset + start * channels * bytesPerSample);
        } catch (IOException e) {
            throw new InputFormatException(path.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        int frames = buf.position() / (channels * bytesPerSample);
        double[][] out = new double[channels][frames];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                int at = (f * channels + c) * bytesPerSample;
                out[c][f] = sample(buf, at);
            }
        }
        return out;
    }

    private double sample(ByteBuffer b, int at) {
        if (floating) {
            return bitsPerSample == 32 ? b.getFloat(at) : b.getDouble(at);
        }
        return switch (bitsPerSample) {
            case 8 -> ((b.get(at) & 0xFF) - 128) / 128.0;
            case 16 -> b.getShort(at) / 32768.0;
            case 24 -> ((b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | b.get(at + 2) << 16) / 8388608.0;
            default -> b.getInt(at) / 2147483648.0;
        };
    }
}
