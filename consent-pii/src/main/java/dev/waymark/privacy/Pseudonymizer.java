package dev.waymark.privacy;

import dev.waymark.privacy.internal.Normalization;
import dev.waymark.privacy.internal.PhoneDetector;
import dev.waymark.protocol.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes pseudonymous tokens under one key: {@code tok:{keyId}:{base64url(first 16 bytes of HMAC-SHA256)}}, without
 * padding (22 characters of digest). The HMAC input is the kind's name, a colon and the value normalised for its kind
 * (e-mail lower-cased, phone as E.164, card and SSN digits only, IBAN without spaces, upper case), so the same
 * identity always gives the same token and the same digits as two different kinds give two unrelated tokens.
 *
 * <p>16 bytes (128 bits): a collision among 2^40 tokens has probability about 2^-49, and the token stays short
 * enough for identity tables and MQTT payloads. Thread-safe.
 */
public final class Pseudonymizer {

    /** Bytes of the HMAC kept in a token. */
    public static final int TOKEN_BYTES = 16;
    /** Prefix of every token. */
    public static final String PREFIX = "tok:";

    private static final String ALGORITHM = "HmacSHA256";

    private final String keyId;
    private final SecretKeySpec secret;
    private final String phoneRegion;
    private final Mac prototype;

    private Pseudonymizer(PseudonymizationKey key, String phoneRegion) {
        this.keyId = key.keyId();
        this.secret = new SecretKeySpec(key.secret(), ALGORITHM);
        this.prototype = newMac();
        this.phoneRegion = phoneRegion;
    }

    /** Tokens under {@code key}; national phone numbers are read as {@value PiiScanner#DEFAULT_REGION}. */
    public static Pseudonymizer of(PseudonymizationKey key) {
        return of(key, PiiScanner.DEFAULT_REGION);
    }

    /**
     * Tokens under {@code key}; phone numbers without a country code are read as {@code phoneRegion}. Throws
     * {@link IllegalArgumentException} for a region libphonenumber does not know.
     */
    public static Pseudonymizer of(PseudonymizationKey key, String phoneRegion) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(phoneRegion, "phoneRegion");
        if (!PhoneDetector.supportsRegion(phoneRegion)) {
            throw new IllegalArgumentException(
                    "phoneRegion: '" + phoneRegion + "' is not a region libphonenumber knows");
        }
        return new Pseudonymizer(key, phoneRegion);
    }

    /** The token of {@code value} as a {@code kind}. */
    public String token(PersonalData kind, String value) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        String input = kind.name().toLowerCase(Locale.ROOT) + ":" + Normalization.normalize(kind, value, phoneRegion);
        byte[] digest = hmac().doFinal(input.getBytes(StandardCharsets.UTF_8));
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TOKEN_BYTES));
        return PREFIX + keyId + ":" + hash;
    }

    /** The id of the key tokens are made under. */
    public String keyId() {
        return keyId;
    }

    /** The region for phone numbers without a country code. */
    public String phoneRegion() {
        return phoneRegion;
    }

    // Mac instances are not thread-safe; cloning a keyed prototype costs far less than getInstance + init, which
    // looks the provider up on every call.
    private Mac hmac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256 (JCA standard names), and the key was validated.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymizer[keyId=" + keyId + "]";
    }
}
