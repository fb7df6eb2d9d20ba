package dev.waymark.dist.internal;

/** Masks one line of input, or says why it cannot. */
@FunctionalInterface
interface LineMasker {

    Masked mask(String line);

    /** The outcome for one line. */
    sealed interface Masked {
        /** The line, masked. */
        record Line(String text) implements Masked {
        }

        /** The line cannot be masked; {@code reason} names the field. */
        record Rejected(String reason) implements Masked {
        }
    }
}
