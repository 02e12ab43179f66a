package org.bearingworkbench.signal.diagnosis;

import java.io.IOException;
import java.nio.file.Path;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/** MATLAB files shaped like public bearing benchmarks, written with the MAT library the workbench reads them with. */
public final class MatFixtures {
    private MatFixtures() {}

    /** A column vector holding {@code x}. */
    public static Matrix column(double[] x) {
        Matrix m = Mat5.newMatrix(x.length, 1);
        for (int i = 0; i < x.length; i++) {
            m.setDouble(i, x[i]);
        }
        return m;
    }

    /**
     * A file in the layout of a motor rig's drive-end benchmark: {@code X<id>_DE_time}, {@code X<id>_FE_time},
     * {@code X<id>_BA_time} and, when {@code rpm} is positive, the scalar {@code X<id>RPM}; no sample rate stored.
     */
    public static Path rigFile(Path file, int id, double[] de, double[] fe, double[] ba, double rpm)
            throws IOException {
        String p = String.format("X%03d", id);
        MatFile mat = Mat5.newMatFile()
                .addArray(p + "_DE_time", column(de))
                .addArray(p + "_FE_time", column(fe))
                .addArray(p + "_BA_time", column(ba));
        if (rpm > 0) {
            mat.addArray(p + "RPM", Mat5.newScalar(rpm));
        }
        Mat5.writeToFile(mat, file.toFile());
        return file;
    }

    /** A file holding one struct {@code bearing} with fields {@code gs}, {@code sr}, {@code rate} (Hz) and load. */
    public static Path structFile(Path file, double[] gs, double sampleRate, double shaftHz) throws IOException {
        Struct s = Mat5.newStruct()
                .set("gs", column(gs))
                .set("sr", Mat5.newScalar(sampleRate))
                .set("rate", Mat5.newScalar(shaftHz))
                .set("load", Mat5.newString("0"));
        Mat5.writeToFile(Mat5.newMatFile().addArray("bearing", s), file.toFile());
        return file;
    }
}
