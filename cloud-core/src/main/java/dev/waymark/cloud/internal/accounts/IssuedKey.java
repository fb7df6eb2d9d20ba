package dev.waymark.cloud.internal.accounts;

import java.util.Objects;

/**
 * A key just created: the only time its secret is known outside the caller's hands.
 *
 * @param key    the key as listed
 * @param secret the full key string ({@code wm_pk_...} or {@code wm_sk_...}); stored only as its SHA-256
 */
public record IssuedKey(ApiKey key, String secret) {

    public IssuedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedKey[" + key.id() + "]";
    }
}
