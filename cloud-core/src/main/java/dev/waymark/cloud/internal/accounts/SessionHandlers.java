package dev.waymark.cloud.internal.accounts;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/session}: console sign-in, who-am-I and sign-out, over the {@value SessionCookie#NAME} cookie. */
final class SessionHandlers {

    private final Sessions sessions;
    private final SessionCookie cookie;

    SessionHandlers(Sessions sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** POST: {name, password} → 200 with the session and a new cookie; the request's old session ends. */
    void signIn(RoutingContext context) {
        Replies.attempt(() -> {
            JsonInput body = JsonInput.of(context, Set.of("name", "password"));
            return sessions.signIn(body.requiredString("name"), body.requiredString("password"),
                    SessionCookie.read(context.request()));
        }).onSuccess(signedIn -> {
            cookie.set(context.response(), signedIn.sessionId());
            Replies.json(context, 200, AccountJson.session(signedIn.session()));
        }).onFailure(failure -> Replies.failure(context, failure));
    }

    /** GET: the signed-in session with its CSRF token; 401 without one. */
    void current(RoutingContext context) {
        sessionOf(context).onSuccess(found -> {
            if (found.isPresent()) {
                Replies.json(context, 200, AccountJson.session(found.get()));
            } else {
                AccountsGuard.refuse(context, Admission.unauthenticated("not signed in"));
            }
        }).onFailure(failure -> Replies.failure(context, failure));
    }

    /** DELETE: ends the session (its CSRF token required while it is live) and clears the cookie; 204. */
    void signOut(RoutingContext context) {
        sessionOf(context).onSuccess(found -> {
            if (found.isPresent() && !Admission.csrfHolds(found.get(), context.request())) {
                AccountsGuard.refuse(context, Admission.csrfRefused());
                return;
            }
            Future<Void> ended = found.isPresent()
                    ? sessions.signOut(SessionCookie.read(context.request()).orElseThrow())
                    : Future.succeededFuture();
            ended.onSuccess(done -> {
                cookie.clear(context.response());
                Replies.noContent(context);
            }).onFailure(failure -> Replies.failure(context, failure));
        }).onFailure(failure -> Replies.failure(context, failure));
    }

    private Future<Optional<Session>> sessionOf(RoutingContext context) {
        Optional<String> sessionId = SessionCookie.read(context.request());
        return sessionId.isEmpty() ? Future.succeededFuture(Optional.empty()) : sessions.find(sessionId.get());
    }
}
