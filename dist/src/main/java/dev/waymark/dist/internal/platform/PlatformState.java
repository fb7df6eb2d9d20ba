package dev.waymark.dist.internal.platform;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secrets a platform run generates and a second run reuses, in {@code dataDir/platform.json} (owner-only): the
 * admin password, the device keystores' password and the API keys. A demo's secrets on one machine, never a
 * production setup (docs/cli.md says so).
 */
final class PlatformState {

    static final String FILE = "platform.json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final JsonObject json;

    private PlatformState(Path file, JsonObject json) {
        this.file = file;
        this.json = json;
    }

    /** Reads the state of an earlier run in {@code dataDir}, or makes new secrets. */
    static PlatformState openOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            try {
                return new PlatformState(file, new JsonObject(Files.readString(file)));
            } catch (RuntimeException e) {
                throw new IOException(file + ": unreadable (" + e.getMessage() + "); start with --reset", e);
            }
        }
        PlatformState state = new PlatformState(file, new JsonObject()
                .put("adminPassword", secret()).put("keystorePassword", secret()));
        state.save();
        return state;
    }

    String adminPassword() {
        return json.getString("adminPassword");
    }

    String keystorePassword() {
        return json.getString("keystorePassword");
    }

    Optional<String> secretKey() {
        return Optional.ofNullable(json.getString("secretKey"));
    }

    Optional<String> writeKey() {
        return Optional.ofNullable(json.getString("writeKey"));
    }

    void keys(String secret, String write) throws IOException {
        json.put("secretKey", secret).put("writeKey", write);
        save();
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, json.encodePrettily());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
