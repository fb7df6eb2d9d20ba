package dev.waymark.cloud.internal.accounts;

import java.util.Objects;

/**
 * The result of a successful sign-in.
 *
 * @param sessionId the new session's secret id, for the cookie only; stored solely as its SHA-256
 * @param session   the session it names
 */
public record SignedIn(String sessionId, Session session) {

    public SignedIn {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "SignedIn[user=" + session.user().name() + "]";
    }
}
