package org.bearingworkbench.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.ZipEntries;

/**
 * Checks a network's {@code coefficients.bin} (ND4J's binary array: a shape buffer then a data buffer, each written as
 * allocation mode, length and data type, then the values) before ND4J reads it: a buffer that declares more values
 * than the entry holds would be allocated in full (2^31 floats: 8 GB off the heap) before the read fails.
 */
final class CoefficientCheck {
    private static final String COEFFICIENTS = "coefficients.bin";

    private CoefficientCheck() {}

    static void check(byte[] networkZip, String name) throws InputFormatException {
        Map<String, byte[]> entries;
        try {
            entries = ZipEntries.read(new ByteArrayInputStream(networkZip));
        } catch (IOException e) {
            throw new InputFormatException(name + ": the network is damaged (" + e.getMessage() + ")", e);
        }
        byte[] c = entries.get(COEFFICIENTS);
        if (c == null) {
            throw new InputFormatException(name + ": the network has no " + COEFFICIENTS);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(c))) {
            long shape = buffer(in, c.length, name, "shape");
            if (shape > 64) {
                throw new InputFormatException(name + ": the network's coefficients declare a shape of " + shape
                        + " entries: a damaged or foreign file");
            }
            buffer(in, c.length, name, "values");
        } catch (IOException e) {
            throw new InputFormatException(name + ": the network's coefficients are truncated (" + e + ")", e);
        }
    }

    /** Reads one buffer's header, checks its values fit in what is left, skips them; returns its length. */
    private static long buffer(DataInputStream in, int total, String name, String what)
            throws IOException, InputFormatException {
        in.readUTF(); // allocation mode
        long length = in.readLong();
        String type = in.readUTF();
        int size = switch (type) {
            case "LONG", "DOUBLE" -> 8;
            case "INT", "FLOAT" -> 4;
            case "HALF", "BFLOAT16", "SHORT", "UINT16" -> 2;
            case "BYTE", "UBYTE", "BOOL" -> 1;
            default ->
                throw new InputFormatException(
                        name + ": the network's coefficients have an unknown value type '" + type + "'");
        };
        long left = in.available();
        if (length < 0 || length > left / size) {
            throw new InputFormatException(name + ": the network's coefficients declare " + length + " " + what
                    + " (" + type + ") but the file holds " + left + " bytes for them (" + total + " in all): a "
                    + "damaged or hostile bundle; retrain the model or restore a good copy");
        }
        in.skipNBytes(length * size);
        return length;
    }
}
