package org.bearingworkbench.pipeline;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the bundled sample run: beside the working directory, or beside/above the application's jar. */
public final class SampleDataLocator {
    static final String RELATIVE = "sample-data/ims-synthetic";

    private SampleDataLocator() {}

    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Paths.get(RELATIVE));
        try {
            Path jar = Paths.get(SampleDataLocator.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            for (Path p = dir; p != null && candidates.size() < 6; p = p.getParent()) {
                candidates.add(p.resolve(RELATIVE));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source: only the working directory
        }
        return candidates.stream()
                .filter(Files::isDirectory)
                .map(Path::toAbsolutePath)
                .map(Path::normalize)
                .findFirst();
    }
}
