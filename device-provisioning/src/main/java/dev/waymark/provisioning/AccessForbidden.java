package dev.waymark.provisioning;

/**
 * A {@link StoreAccess} refusal of a caller who is known but may not do this (another store, a missing scope, a
 * missing CSRF token): answered 403, where an unknown caller gets 401.
 */
public final class AccessForbidden extends SecurityException {

    private static final long serialVersionUID = 1L;

    public AccessForbidden(String message) {
        super(message);
    }
}
