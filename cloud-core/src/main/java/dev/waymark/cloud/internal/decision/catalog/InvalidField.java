package dev.waymark.cloud.internal.decision.catalog;

/** Bad input in a catalog, policy or decision document: {@link #field()} names where, the message says what. */
public final class InvalidField extends RuntimeException {

    private final String field;

    /** An error about {@code field} (a JSON path such as {@code actions[2].timeToLive}). */
    public InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The JSON path of the offending input. */
    public String field() {
        return field;
    }
}
