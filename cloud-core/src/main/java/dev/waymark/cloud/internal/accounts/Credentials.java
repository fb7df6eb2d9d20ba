package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Caller;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request proves about its sender: nothing, an API key, or a console session. An Authorization header,
 * when present, is the only credential looked at, so a bad key is never rescued by a cookie.
 *
 * @param caller  who the sender is, when the credentials are valid
 * @param keyKind the kind of key used, when a key was used
 * @param session the session used, when a cookie was used
 */
public record Credentials(Optional<Caller> caller, Optional<KeyKind> keyKind, Optional<Session> session) {

    private static final Credentials NONE = new Credentials(Optional.empty(), Optional.empty(), Optional.empty());
    private static final String BEARER = "bearer ";

    /** Reads and checks the credentials of {@code request}, through the store, off the event loop. */
    public static Future<Credentials> of(HttpServerRequest request, Accounts accounts) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                return Future.succeededFuture(NONE);
            }
            String key = authorization.substring(BEARER.length()).trim();
            return accounts.keys().find(key).map(found -> found.map(k ->
                    new Credentials(Optional.of(k.caller()), Optional.of(k.kind()), Optional.empty())).orElse(NONE));
        }
        Optional<String> sessionId = SessionCookie.read(request);
        if (sessionId.isEmpty()) {
            return Future.succeededFuture(NONE);
        }
        return accounts.sessions().find(sessionId.get()).map(found -> found.map(s ->
                new Credentials(Optional.of(s.user().caller()), Optional.empty(), Optional.of(s))).orElse(NONE));
    }
}
