package dev.waymark.protocol.action;

import dev.waymark.protocol.internal.Check;

import java.util.Base64;

/**
 * The signed envelope of a decision bundle (catalog, compiled rules, policies, model snapshot) published retained
 * on {@code wm/v1/s/{store}/bundle}. The payload's format belongs to {@code journey-engine}; this envelope only
 * carries it with its signature.
 *
 * @param version   the bundle's version, increasing; a device ignores a bundle older than the one it has
 * @param keyId     the id of the signing key, so devices can pick the verification key during a rotation
 * @param algorithm the JCA signature algorithm, e.g. {@code Ed25519}
 * @param payload   the bundle bytes, base64 (RFC 4648, with padding)
 * @param signature the signature over the payload bytes, base64
 */
public record DecisionBundle(long version, String keyId, String algorithm, String payload, String signature) {

    /** Validates every field; throws IllegalArgumentException naming it, e.g. for bad base64. */
    public DecisionBundle {
        Check.positive("version", version);
        Check.text("keyId", keyId);
        Check.text("algorithm", algorithm);
        requireBase64("payload", payload);
        requireBase64("signature", signature);
    }

    /** A bundle from raw bytes. */
    public static DecisionBundle of(long version, String keyId, String algorithm, byte[] payload, byte[] signature) {
        Base64.Encoder encoder = Base64.getEncoder();
        return new DecisionBundle(version, keyId, algorithm, encoder.encodeToString(payload),
                encoder.encodeToString(signature));
    }

    /** The decoded payload bytes (a fresh copy). */
    public byte[] payloadBytes() {
        return Base64.getDecoder().decode(payload);
    }

    /** The decoded signature bytes (a fresh copy). */
    public byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }

    private static void requireBase64(String field, String value) {
        Check.present(field, value);
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": is not base64", e);
        }
    }
}
