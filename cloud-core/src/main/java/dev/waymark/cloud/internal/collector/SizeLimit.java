package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Rejection;

/** The wording of a size refusal, in one place, so the metrics can count size refusals apart from other ones. */
final class SizeLimit {

    private static final String MARK = "too large: ";

    private SizeLimit() {
    }

    /** The reason of a size refusal; {@code detail} says how large and what the limit is. */
    static String tooLarge(String detail) {
        return MARK + detail;
    }

    /** True when {@code rejection} refused a size. */
    static boolean isTooLarge(Rejection rejection) {
        return rejection.reason().startsWith(MARK);
    }
}
