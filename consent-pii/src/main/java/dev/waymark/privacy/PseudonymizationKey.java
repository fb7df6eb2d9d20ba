package dev.waymark.privacy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The deployment's pseudonymization key: an id that goes into every token, and the HMAC-SHA256 secret. The caller
 * supplies it (the edge reads it from the device keystore; it never comes from plain configuration).
 * {@link #toString()} prints the key id only. The secret is copied in and out, so the record stays immutable.
 *
 * @param keyId  1-32 characters of A-Z, a-z, 0-9, _ and - (no colon: the token uses it as separator)
 * @param secret at least 32 bytes (RFC 2104 advises a key no shorter than the hash output, 32 bytes for SHA-256)
 */
public record PseudonymizationKey(String keyId, byte[] secret) {

    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** Validates and copies; throws {@link IllegalArgumentException} naming {@code keyId} or {@code secret}. */
    public PseudonymizationKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("keyId: must be 1-32 of A-Z, a-z, 0-9, _ and -");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "secret: must be at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
        }
        secret = secret.clone();
    }

    /** A key from its id and secret; same as the constructor. */
    public static PseudonymizationKey of(String keyId, byte[] secret) {
        return new PseudonymizationKey(keyId, secret);
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PseudonymizationKey key && keyId.equals(key.keyId)
                && MessageDigest.isEqual(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(secret);
    }

    /** The key id only; the secret is never printed. */
    @Override
    public String toString() {
        return "PseudonymizationKey[keyId=" + keyId + ", secret=<redacted>]";
    }
}
