package dev.waymark.privacy.evaluation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared datasets folder: the {@code WM_DATASETS} system property or environment variable, else a
 * {@code shared/datasets} folder beside the repository root, found by walking up from the working directory.
 */
public final class TestDatasets {

    private TestDatasets() {
    }

    /** The dataset folder {@code name}; skips the calling test, loudly, when it is not there. */
    public static Path require(String name) {
        Optional<Path> root = root();
        Path folder = root.map(path -> path.resolve(name)).orElse(Path.of("<no datasets folder>", name));
        if (!Files.isDirectory(folder)) {
            System.err.println("!!! SKIPPED: dataset " + name + " not found (looked for " + folder.toAbsolutePath()
                    + "); set WM_DATASETS or the system property WM_DATASETS to the datasets folder");
        }
        assumeTrue(Files.isDirectory(folder), "dataset " + name + " not found at " + folder.toAbsolutePath());
        return folder;
    }

    private static Optional<Path> root() {
        String configured = System.getProperty("WM_DATASETS", System.getenv("WM_DATASETS"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("datasets");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
