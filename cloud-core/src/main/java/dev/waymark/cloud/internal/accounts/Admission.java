package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to "may these credentials do this?": the caller when admitted, else the HTTP status, error code and
 * message of the refusal. The same rules serve the {@link AccountsGuard} and provisioning's store access.
 *
 * @param caller  the admitted caller, empty when refused
 * @param status  200 when admitted; 401 without valid credentials, 403 for a missing scope or CSRF token
 * @param code    the error code of a refusal
 * @param message why it was refused
 */
public record Admission(Optional<Caller> caller, int status, String code, String message) {

    /** The header a cookie-authenticated unsafe request must carry, equal to the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Decides whether {@code credentials} sent with {@code request} may act with {@code scope}. */
    public static Admission decide(Credentials credentials, Scope scope, HttpServerRequest request) {
        if (credentials.caller().isEmpty()) {
            return unauthenticated("valid credentials are required: a secret API key "
                    + "(Authorization: Bearer wm_sk_...) or a console session");
        }
        Caller caller = credentials.caller().get();
        if (credentials.keyKind().orElse(null) == KeyKind.PUBLIC && scope != Scope.TRACK) {
            return refused(403, "forbidden", "a public write key may only post events; use a secret key");
        }
        if (credentials.session().isPresent() && !SAFE.contains(request.method())
                && !csrfHolds(credentials.session().get(), request)) {
            return csrfRefused();
        }
        if (!caller.may(scope)) {
            return refused(403, "forbidden", "requires the scope " + scope.wireName());
        }
        return new Admission(Optional.of(caller), 200, "", "");
    }

    /** True when {@code request} carries {@code session}'s CSRF token in {@value #CSRF_HEADER}. */
    static boolean csrfHolds(Session session, HttpServerRequest request) {
        String presented = request.getHeader(CSRF_HEADER);
        return presented != null && SecretTokens.same(presented, session.csrfToken());
    }

    /** The refusal of a cookie-authenticated unsafe request without the right CSRF token. */
    static Admission csrfRefused() {
        return refused(403, "csrf", CSRF_HEADER + " must carry the session's CSRF token");
    }

    /** The refusal of a request without valid credentials. */
    static Admission unauthenticated(String message) {
        return refused(401, "unauthenticated", message);
    }

    /** True when the caller was admitted. */
    public boolean admitted() {
        return caller.isPresent();
    }

    private static Admission refused(int status, String code, String message) {
        return new Admission(Optional.empty(), status, code, message);
    }
}
