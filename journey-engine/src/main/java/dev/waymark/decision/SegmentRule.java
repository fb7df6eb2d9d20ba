package dev.waymark.decision;

import dev.cel.runtime.CelRuntime;
import dev.waymark.decision.internal.Facts;
import dev.waymark.decision.internal.SegmentCompiler;
import java.util.Map;

/**
 * A campaign's segment: a CEL expression over {@code profile} and {@code journey} (the facts the cloud's
 * eligibility rules see), compiled once and evaluated per profile. Thread-safe.
 */
public final class SegmentRule {

    private final String source;
    private final CelRuntime.Program program;

    private SegmentRule(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    /**
     * Compiles {@code source}.
     *
     * @throws IllegalArgumentException with the CEL compiler's message (line and column) when it does not
     *                                  type-check as a boolean over {@code profile} and {@code journey}
     */
    public static SegmentRule compile(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String stripped = source.strip();
        return new SegmentRule(stripped, SegmentCompiler.compile(stripped));
    }

    /**
     * True when the profile is in the segment; a rule that fails to evaluate (a key the profile lacks) is false.
     * Facts are read as {@link DecisionRequest} reads them (ints widened to longs).
     */
    public boolean matches(Map<String, ?> profile, Map<String, ?> journey) {
        return SegmentCompiler.matches(program, Facts.copy("profile", profile), Facts.copy("journey", journey));
    }

    /** The expression as compiled. */
    public String source() {
        return source;
    }
}
