package dev.waymark.provisioning;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The host's answer to "may this caller act on this store?" (create tokens, list, revoke, replace devices).
 * Cloud core answers from its accounts; standalone, {@link #adminKey} is the only credential.
 */
@FunctionalInterface
public interface StoreAccess {

    /** The environment variable the standalone service and the field-tech CLI read the admin API key from. */
    String ADMIN_KEY_VARIABLE = "WM_PROVISIONING_ADMIN_KEY";

    /**
     * The caller's name for the audit log if it may act on {@code storeId}; a future failed with
     * {@link AccessForbidden} (403) for a known caller without the right, {@link SecurityException} (401) for an
     * unknown one. Called on the event loop; must not block.
     */
    Future<String> authorize(RoutingContext context, String storeId);

    /**
     * Access for whoever sends {@code Authorization: Bearer <key>}, compared in constant time, on every store.
     * Throws IllegalArgumentException when the key is shorter than 24 characters.
     */
    static StoreAccess adminKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() < 24) {
            throw new IllegalArgumentException("key: the admin API key must be at least 24 characters");
        }
        byte[] expected = key.getBytes(StandardCharsets.UTF_8);
        return (context, storeId) -> {
            String header = context.request().getHeader("Authorization");
            byte[] presented = header != null && header.startsWith("Bearer ")
                    ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
            // MessageDigest.isEqual runs in time independent of where the first difference is (JDK 6u17+).
            return MessageDigest.isEqual(expected, presented) ? Future.succeededFuture("admin")
                    : Future.failedFuture(new SecurityException("a valid admin API key is required"));
        };
    }
}
