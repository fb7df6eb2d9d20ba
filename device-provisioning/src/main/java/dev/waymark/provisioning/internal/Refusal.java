package dev.waymark.provisioning.internal;

/** A request the service refuses: the HTTP status, the field at fault and why. Never carries a secret. */
public final class Refusal extends RuntimeException {

    private final int status;
    private final String field;
    private final String reason;

    /** A refusal with this HTTP status. */
    public Refusal(int status, String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.status = status;
        this.field = field;
        this.reason = reason;
    }

    /** 400: the request is malformed or does not meet policy. */
    public static Refusal invalid(String field, String reason) {
        return new Refusal(400, field, reason);
    }

    /** 403: the credential is valid but not for this. */
    public static Refusal forbidden(String field, String reason) {
        return new Refusal(403, field, reason);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Why, without the field name. */
    public String reason() {
        return reason;
    }

    /** The field at fault. */
    public String field() {
        return field;
    }
}
