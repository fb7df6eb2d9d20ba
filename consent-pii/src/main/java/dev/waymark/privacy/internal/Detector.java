package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiMatch;
import java.util.List;

/** Finds one kind of personal data in a text. Candidates may overlap; {@link OverlapResolver} decides. */
public interface Detector {

    /** Adds every candidate found in {@code text} to {@code out}. */
    void detect(String text, List<PiiMatch> out);
}
