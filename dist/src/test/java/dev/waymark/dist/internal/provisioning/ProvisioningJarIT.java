package dev.waymark.dist.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a field tech uses it: {@code waymark provisioning} in one process, then {@code provision
 * token}, {@code hub enroll --qr-file}, {@code provision devices} and {@code provision revoke} as separate runs.
 */
class ProvisioningJarIT {

    private static final Path JAR = Path.of("target", "waymark.jar").toAbsolutePath();
    private static final String KEYSTORE_PASSWORD = "keystore-password-1";

    @TempDir
    Path dir;

    @Test
    void tokenQrEnrollListRevoke_asAFieldTechRunsThem() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("WM_CA_PASSWORD", "ca-password-123456",
                "WM_PROVISIONING_ADMIN_KEY", "admin-key-0123456789abcdefgh", "WM_KEYSTORE_PASSWORD",
                KEYSTORE_PASSWORD));
        writeBundleKey(dir.resolve("bundle.pem"));
        writePseudonymizationKeystore(dir.resolve("pseudo.p12"));
        int port = freePort();
        Process service = start(env, "provisioning", "--init-ca", "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--bundle-key", "bundle.pem", "--pseudonymization-keystore", "pseudo.p12",
                "--pseudonymization-key-id", "pk-2026");
        try {
            String fingerprint = awaitFingerprint(service);
            env.put("WM_PROVISIONING_URL", "https://localhost:" + port + "/provisioning/v1");
            env.put("WM_PROVISIONING_CA", fingerprint);

            Result token = run(env, "provision", "token", "--store", "store-1", "--role", "hub", "--png", "hub.png",
                    "--json");
            assertThat(token.exitCode()).as(token.err()).isZero();
            assertThat(new JsonObject(token.out()).getString("token")).startsWith("wm1:hub:store-1:");

            Result enroll = run(env, "hub", "enroll", "--qr-file", "hub.png", "--dir", "device");
            assertThat(enroll.exitCode()).as(enroll.err()).isZero();
            assertThat(enroll.out()).contains("Enrolled hub hub-", "in store store-1", "ssl://hub.store-1.local:8883");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("device").resolve("device.p12")))).isEqualTo("rw-------");

            Result again = run(env, "hub", "enroll", "--qr-file", "hub.png", "--dir", "device2");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("token: already used", "ask for a new one");

            Result devices = run(env, "provision", "devices", "--store", "store-1");
            String deviceId = enroll.out().split(" ")[2];
            assertThat(devices.out()).contains(deviceId, "active", "1 device(s) in store store-1");

            Result renew = run(env, "hub", "renew", "--dir", "device");
            assertThat(renew.exitCode()).as(renew.err()).isZero();
            assertThat(renew.out()).contains("Renewed " + deviceId, "valid until");

            Result revoke = run(env, "provision", "revoke", deviceId);
            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            assertThat(revoke.out()).contains("Revoked " + deviceId);
            assertThat(run(env, "provision", "devices", "--store", "store-1", "--json").out())
                    .contains("\"status\":\"revoked\"");

            Result renewRevoked = run(env, "hub", "renew", "--dir", "device");
            assertThat(renewRevoked.exitCode()).isEqualTo(1);
            assertThat(renewRevoked.err()).contains("refused", "new enrollment token");
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void hubWithoutConfig_pointsToEnroll_andEnrollNeedsPassword() throws Exception {
        Result hub = run(Map.of(), "hub");
        assertThat(hub.exitCode()).isEqualTo(2);
        assertThat(hub.err()).contains("--config hub.json", "hub enroll");

        Result enroll = run(Map.of(), "hub", "enroll", "--qr-file", "none.png");
        assertThat(enroll.exitCode()).isEqualTo(2);
        assertThat(enroll.err()).contains("WM_KEYSTORE_PASSWORD");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        return start(env, Files.createTempFile(dir, "stderr", ".txt"), args);
    }

    private Process start(Map<String, String> env, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process process = start(env, stderr, args);
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> stdout(process));
        int exit = process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        return new Result(exit, out.get(10, TimeUnit.SECONDS), Files.readString(stderr));
    }

    private static String stdout(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String awaitFingerprint(Process service) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> fingerprint = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains("CA fingerprint")) {
                        return line.strip().split(" ")[2];
                    }
                }
                return "service exited";
            } catch (IOException e) {
                return "service output unreadable";
            }
        });
        String found = fingerprint.get(60, TimeUnit.SECONDS);
        assertThat(found).matches("[0-9a-f]{64}");
        return found;
    }

    private static void writeBundleKey(Path file) throws Exception {
        byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n");
    }

    private static void writePseudonymizationKeystore(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        store.setEntry("pk-2026", new KeyStore.SecretKeyEntry(new SecretKeySpec(secret, "HmacSHA256")),
                new KeyStore.PasswordProtection(KEYSTORE_PASSWORD.toCharArray()));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, KEYSTORE_PASSWORD.toCharArray());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
