package dev.waymark.journey;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared data sets: {@code WM_DATASETS} (system property or environment variable), else a
 * {@code shared/datasets} folder beside an ancestor of the working directory. Tests skip, loudly, without them.
 */
final class Datasets {

    private Datasets() {
    }

    static String read(String relative) throws IOException {
        Path file = root().resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> loud("missing data set file " + file));
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Path root() {
        String configured = System.getProperty("WM_DATASETS", System.getenv("WM_DATASETS"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, () -> loud("no shared/datasets folder found above " + Path.of("").toAbsolutePath()
                + "; set WM_DATASETS"));
        throw new IllegalStateException("unreachable");
    }

    private static String loud(String message) {
        String text = "*** DATA SET TEST SKIPPED: " + message + " ***";
        System.err.println(text);
        return text;
    }
}
