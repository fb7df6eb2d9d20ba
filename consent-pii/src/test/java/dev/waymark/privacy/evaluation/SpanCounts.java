package dev.waymark.privacy.evaluation;

/**
 * Span-level counts for one entity type under one match rule.
 *
 * @param labelled  spans labelled with the type
 * @param found     labelled spans the scanner matched under the rule
 * @param predicted spans the scanner reported as the type
 * @param correct   reported spans that match a labelled span of the type under the rule
 */
record SpanCounts(int labelled, int found, int predicted, int correct) {

    static final SpanCounts ZERO = new SpanCounts(0, 0, 0, 0);

    SpanCounts plus(SpanCounts other) {
        return new SpanCounts(labelled + other.labelled, found + other.found, predicted + other.predicted,
                correct + other.correct);
    }

    /** Reported spans that are right; 1.0 when nothing was reported. */
    double precision() {
        return predicted == 0 ? 1.0 : (double) correct / predicted;
    }

    /** Labelled spans that were found; 1.0 when nothing was labelled. */
    double recall() {
        return labelled == 0 ? 1.0 : (double) found / labelled;
    }
}
