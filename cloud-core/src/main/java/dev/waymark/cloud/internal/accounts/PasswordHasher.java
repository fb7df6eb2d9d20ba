package dev.waymark.cloud.internal.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so the
 * parameters travel with each hash and can be raised later without breaking old ones. Slow and memory-hard on
 * purpose: call it from a worker thread, never from an event loop. Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP Password Storage Cheat Sheet, Argon2id minimum: 19 MiB of memory, 2 iterations, 1 lane. */
    public static final int OWASP_MEMORY_KIB = 19 * 1024;
    /** OWASP's Argon2id minimum iteration count. */
    public static final int OWASP_ITERATIONS = 2;
    /** OWASP's Argon2id minimum degree of parallelism. */
    public static final int OWASP_PARALLELISM = 1;

    // 16-byte salts and 32-byte tags: RFC 9106 section 4's recommendation.
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})"
            + "\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    // Bounds on parameters read back from a stored hash, so a tampered row cannot make one check take minutes.
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 8;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    /** A hasher making new hashes with these Argon2id parameters; throws IllegalArgumentException when out of range. */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism: must be 1.." + MAX_PARALLELISM);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memoryKib: must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations: must be 1.." + MAX_ITERATIONS);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A hasher with OWASP's Argon2id minimum (m=19 MiB, t=2, p=1). */
    public static PasswordHasher owaspMinimum() {
        return new PasswordHasher(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM);
    }

    /** The PHC string of {@code password} under a fresh random salt. Blocking. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(tag);
    }

    /**
     * True when {@code password} matches {@code encoded}, comparing in constant time; false for a malformed or
     * out-of-bounds encoded string. Blocking.
     */
    public boolean verify(String password, String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int time = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (lanes < 1 || lanes > MAX_PARALLELISM || memory < 8 * lanes || memory > MAX_MEMORY_KIB
                || time < 1 || time > MAX_ITERATIONS) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = B64_IN.decode(m.group(4));
            expected = B64_IN.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = derive(password, salt, memory, time, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Spends the time of one {@link #verify} and answers nothing, so that a sign-in for an unknown or locked user
     * takes as long as one with a wrong password. Blocking.
     */
    public void spendVerifyTime(String password) {
        derive(password, new byte[SALT_BYTES], memoryKib, iterations, parallelism, HASH_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int time, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(time).withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
