package dev.waymark.cloud.internal.accounts;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Optional;

/**
 * The console's session cookie {@value #NAME}: HttpOnly (no script reads it), SameSite=Strict (no other site sends
 * it), Path=/, Secure when configured. No Max-Age: it lasts while the browser runs; the server's sliding expiry
 * decides how long the session behind it is honoured.
 */
public final class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "wm_session";

    private final boolean secure;

    /** Cookies marked Secure when {@code secure} (the console is served over HTTPS). */
    public SessionCookie(boolean secure) {
        this.secure = secure;
    }

    /** Sets the cookie to {@code sessionId}. */
    public void set(HttpServerResponse response, String sessionId) {
        response.addCookie(cookie(sessionId));
    }

    /** Tells the browser to drop the cookie. */
    public void clear(HttpServerResponse response) {
        response.addCookie(cookie("").setMaxAge(0));
    }

    /** The session id the request carries, if any. */
    public static Optional<String> read(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(NAME, value).setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.STRICT)
                .setPath("/");
    }
}
