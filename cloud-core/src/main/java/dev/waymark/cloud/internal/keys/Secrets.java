package dev.waymark.cloud.internal.keys;

import dev.waymark.provisioning.DeviceCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/**
 * Keystore passwords. In production they come from the environment only ({@value DeviceCa#PASSWORD_VARIABLE} for
 * the CA, {@value #KEYSTORE_VARIABLE} for the cloud keys). With {@code devSecrets} (embedded defaults, the demo) a
 * missing password is generated once and kept beside the keystores in a file only the owner can read — convenient
 * on one machine, and said so loudly at start.
 */
public record Secrets(char[] caPassword, char[] keystorePassword, boolean generated) {

    /** The environment variable holding the cloud keystore's password. */
    public static final String KEYSTORE_VARIABLE = "WM_KEYSTORE_PASSWORD";

    /**
     * Reads the passwords from {@code environment}, or (with {@code devSecrets}) from or into {@code dir}.
     *
     * @throws IllegalStateException naming the variable when a password is missing and devSecrets is off
     */
    public static Secrets resolve(Function<String, String> environment, Path dir, boolean devSecrets)
            throws IOException {
        String ca = environment.apply(DeviceCa.PASSWORD_VARIABLE);
        String keys = environment.apply(KEYSTORE_VARIABLE);
        if (ca != null && !ca.isEmpty() && keys != null && !keys.isEmpty()) {
            return new Secrets(ca.toCharArray(), keys.toCharArray(), false);
        }
        if (!devSecrets) {
            throw new IllegalStateException("set " + DeviceCa.PASSWORD_VARIABLE + " and " + KEYSTORE_VARIABLE
                    + " (or run with embedded dev secrets)");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("dev-secrets");
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                    StandardCharsets.US_ASCII);
            ownerOnly(file);
        }
        char[] password = Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        return new Secrets(password, password, true);
    }

    /** Restricts {@code file} to its owner where the file system supports POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACL is what protects it there.
        }
    }
}
