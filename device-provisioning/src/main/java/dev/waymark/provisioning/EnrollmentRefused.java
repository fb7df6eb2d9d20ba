package dev.waymark.provisioning;

/** The provisioning service answered, and said no; {@link #field()} and {@link #reason()} say why. */
public final class EnrollmentRefused extends Exception {

    private final int status;
    private final String field;
    private final String reason;

    /** A refusal as the service reported it. */
    public EnrollmentRefused(int status, String field, String reason) {
        super("HTTP " + status + ": " + reason);
        this.status = status;
        this.field = field;
        this.reason = reason;
    }

    /** The HTTP status (401 token, 403 policy, 429 rate limited, ...). */
    public int status() {
        return status;
    }

    /** The field at fault, e.g. {@code token}. */
    public String field() {
        return field;
    }

    /** The service's reason. */
    public String reason() {
        return reason;
    }
}
