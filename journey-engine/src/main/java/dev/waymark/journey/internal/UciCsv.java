package dev.waymark.journey.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads the UCI Online Shoppers CSV text (comma-separated, header line, LF or CRLF). */
public final class UciCsv {

    private UciCsv() {
    }

    /** @throws IllegalArgumentException naming the line and column of the first malformed value */
    public static List<UciRow> parse(String csv) {
        String[] lines = csv.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(UciRow.HEADER)) {
            throw new IllegalArgumentException("line 1: expected the header " + UciRow.HEADER);
        }
        List<UciRow> rows = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                rows.add(UciRow.parse(lines[i].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rows);
    }
}
