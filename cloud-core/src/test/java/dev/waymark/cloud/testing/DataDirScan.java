package dev.waymark.cloud.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Searches the bytes of every file under a data directory (databases, WAL, shared memory, anything) for text. */
public final class DataDirScan {

    private DataDirScan() {
    }

    /**
     * Each of {@code traces} found in any file under {@code dir}, except under {@code skipped} (relative to
     * {@code dir}), as {@code "trace in [files]"}.
     */
    public static List<String> found(Path dir, List<String> traces, Path... skipped) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = dir.relativize(file);
                if (Stream.of(skipped).noneMatch(relative::startsWith)) {
                    files.put(relative, Files.readAllBytes(file));
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (String trace : traces) {
            byte[] needle = trace.getBytes(StandardCharsets.UTF_8);
            List<Path> holding = files.entrySet().stream().filter(file -> contains(file.getValue(), needle))
                    .map(Map.Entry::getKey).toList();
            if (!holding.isEmpty()) {
                found.add(trace + " in " + holding);
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
