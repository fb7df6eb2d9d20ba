package dev.waymark.cloud.internal.accounts;

import java.util.Objects;

/**
 * A signed-in console session, as found by its id (the id itself is only ever in the cookie).
 *
 * @param user      who signed in
 * @param csrfToken the value unsafe requests must echo in {@code X-CSRF-Token}
 * @param expiresAt epoch milliseconds; each use pushes it forward (sliding expiry)
 */
public record Session(User user, String csrfToken, long expiresAt) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    @Override
    public String toString() {
        return "Session[user=" + user.name() + ", expiresAt=" + expiresAt + "]";
    }
}
