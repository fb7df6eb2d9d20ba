package dev.waymark.decision.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The control group's stable bucket: SHA-256(salt + ":" + key), first 8 bytes as unsigned, modulo 10,000. */
public final class HoldoutHash {

    /** Buckets: one per 0.01 percent. */
    public static final int BUCKETS = 10_000;

    private HoldoutHash() {
    }

    public static int bucket(String salt, String key) {
        byte[] digest = sha256().digest((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
        long high = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            high = (high << 8) | (digest[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(high, BUCKETS);
    }

    /** True when {@code key} is in the first {@code percent} of buckets. */
    public static boolean inControlGroup(String salt, String key, double percent) {
        return percent > 0 && bucket(salt, key) < Math.round(percent * BUCKETS / 100);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
