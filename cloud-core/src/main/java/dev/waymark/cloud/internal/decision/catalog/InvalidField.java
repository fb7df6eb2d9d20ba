package dev.waymark.cloud.internal.decision.catalog;

/** Bad input in a catalog, policy or decision document: {@link #field()} names where, the message says what. */
public final class InvalidField extends RuntimeException {

    private final String field;

    /** An error about {@code field} (a JSON path such as {@code actions[2].timeToLive}). */
    public InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /**
     * This error with {@code root} taken off the front of its path ({@code action.timeToLive} relative to
     * {@code action} is {@code timeToLive}; {@code action} itself is {@code body}).
     */
    public InvalidField relativeTo(String root) {
        if (field.equals(root)) {
            return new InvalidField("body", getMessage());
        }
        return field.startsWith(root + ".") ? new InvalidField(field.substring(root.length() + 1), getMessage())
                : this;
    }

    /** The JSON path of the offending input. */
    public String field() {
        return field;
    }
}
