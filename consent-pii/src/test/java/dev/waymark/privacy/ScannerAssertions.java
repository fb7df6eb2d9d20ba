package dev.waymark.privacy;

import java.util.List;

/** Renders scan results as {@code KIND:text} strings, so tests read like the text they check. */
final class ScannerAssertions {

    private ScannerAssertions() {
    }

    static List<String> found(PiiScanner scanner, String text) {
        return scanner.scan(text).stream().map(match -> match.label() + ":" + match.valueIn(text)).toList();
    }
}
