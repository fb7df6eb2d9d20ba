package dev.waymark.cloud.internal.accounts;

import java.util.Optional;

/**
 * A request the accounts refuse, as a value the HTTP layer turns into {@code ApiErrors}: an HTTP status, an error
 * code, and the offending field when the input was bad. Messages never carry passwords, keys or other secrets.
 */
public final class AccountRefused extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    private AccountRefused(int status, String code, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400: {@code field} is invalid for the reason given. */
    public static AccountRefused invalid(String field, String message) {
        return new AccountRefused(400, "invalid", field, message);
    }

    /** 401: the credentials are wrong (the same answer whatever was wrong about them). */
    public static AccountRefused unauthenticated(String message) {
        return new AccountRefused(401, "unauthenticated", null, message);
    }

    /** 404: nothing of that name. */
    public static AccountRefused notFound(String message) {
        return new AccountRefused(404, "not_found", null, message);
    }

    /** 409: the request conflicts with what exists. */
    public static AccountRefused conflict(String message) {
        return new AccountRefused(409, "conflict", null, message);
    }

    /** 403: the caller may not do this. */
    public static AccountRefused forbidden(String message) {
        return new AccountRefused(403, "forbidden", null, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code of the JSON body. */
    public String code() {
        return code;
    }

    /** The offending field, for 400s. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
