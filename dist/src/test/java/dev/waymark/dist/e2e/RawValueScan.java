package dev.waymark.dist.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for raw personal values in bytes: every regular file under a folder (SQLite databases and their WAL,
 * broker persistence, logs, keystores alike) or any payload, compared as UTF-8 and ignoring ASCII case, each value
 * in every spelling given. Findings name the value's label, the spelling and where, never the value itself.
 */
final class RawValueScan {

    private final Map<String, List<String>> spellings;

    /** {@code spellings}: a label per raw value (e.g. {@code e-mail}) and the spellings to look for. */
    RawValueScan(Map<String, List<String>> spellings) {
        this.spellings = Map.copyOf(spellings);
    }

    /** Every file under {@code root} that holds a spelling, as {@code label (spelling n) in path}. */
    List<String> findingsUnder(Path root) throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                findings.addAll(findingsIn(Files.readAllBytes(file), root.relativize(file).toString()));
            }
        }
        return findings;
    }

    /** The spellings {@code bytes} hold, each as {@code label (spelling n) in where}. */
    List<String> findingsIn(byte[] bytes, String where) {
        byte[] haystack = lowerAscii(bytes);
        List<String> findings = new ArrayList<>();
        spellings.forEach((label, forms) -> {
            for (int i = 0; i < forms.size(); i++) {
                if (indexOf(haystack, lowerAscii(forms.get(i).getBytes(StandardCharsets.UTF_8))) >= 0) {
                    findings.add(label + " (spelling " + (i + 1) + ") in " + where);
                }
            }
        });
        return findings;
    }

    /** Files scanned under {@code root}, to show the scan looked somewhere. */
    static long fileCount(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] lowerAscii(byte[] bytes) {
        byte[] lower = bytes.clone();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] >= 'A' && lower[i] <= 'Z') {
                lower[i] = (byte) (lower[i] + ('a' - 'A'));
            }
        }
        return lower;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
