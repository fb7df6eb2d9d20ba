package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps one match where candidates overlap. The more specific kind wins (an operator's own pattern, then kinds with
 * a checksum or rigid syntax, phone last because libphonenumber at POSSIBLE leniency accepts almost any long digit
 * group); within a kind the longer match wins, then the earlier.
 */
public final class OverlapResolver {

    private static final Comparator<PiiMatch> PREFERENCE = Comparator
            .comparingInt((PiiMatch match) -> rank(match.kind()))
            .thenComparing(Comparator.comparingInt(PiiMatch::length).reversed())
            .thenComparingInt(PiiMatch::start);

    private OverlapResolver() {
    }

    /** The non-overlapping matches, ordered by start. */
    public static List<PiiMatch> resolve(List<PiiMatch> candidates) {
        List<PiiMatch> byPreference = new ArrayList<>(candidates);
        byPreference.sort(PREFERENCE);
        List<PiiMatch> kept = new ArrayList<>();
        for (PiiMatch candidate : byPreference) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(PiiMatch::start));
        return List.copyOf(kept);
    }

    private static int rank(PiiKind kind) {
        return switch (kind) {
            case CUSTOM -> 0;
            case EMAIL -> 1;
            case IBAN -> 2;
            case CARD -> 3;
            case SSN -> 4;
            case IP -> 5;
            case PHONE -> 6;
        };
    }
}
