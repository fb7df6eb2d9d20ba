package dev.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code waymark.jar}, run as a user runs it: a separate JVM, stdin, stdout, stderr, exit code. */
class WaymarkJarIT {

    private static final Path JAR = Path.of("target", "waymark.jar");

    @TempDir
    Path dir;

    @Test
    void mask_readsStdinAndWritesRedactedLines() throws Exception {
        Result result = run(Map.of(), "Mail ana.garcia@example.com, card 4111-1111-1111-1111\nno pii here\n",
                "mask");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly("Mail [EMAIL], card [CARD]", "no pii here");
    }

    @Test
    void maskToken_usesTheKeystoreKeyAndIsStableAcrossRuns() throws Exception {
        Path keystore = keystore("k2026", "s3cret-pass");
        Map<String, String> env = Map.of("WM_KEYSTORE_PASSWORD", "s3cret-pass");
        String input = "Reach me at Ana.Garcia@Example.com\n";
        String[] args = {"mask", "--policy", "token", "--keystore", keystore.toString(), "--key-alias", "k2026"};

        Result first = run(env, input, args);
        Result second = run(env, "Reach me at ana.garcia@example.com\n", args);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).startsWith("Reach me at tok:k2026:").doesNotContain("example.com");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void maskJsonToken_tokenisesDeclaredIdentifiers() throws Exception {
        Path keystore = keystore("k2026", "s3cret-pass");
        String event = MaskCommandTest.loyaltyScan("01JD8Q2W4M5N6P7Q8R9S0T1V2W", "6012 4410 7731 0085") + "\n";

        Result result = run(Map.of("WM_KEYSTORE_PASSWORD", "s3cret-pass"), event,
                "mask", "--json", "--policy", "token", "--keystore", keystore.toString(), "--key-alias", "k2026");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"loyaltyId\":\"tok:k2026:").doesNotContain("6012");
    }

    @Test
    void maskToken_wrongPassword_exitsTwoWithoutAStackTrace() throws Exception {
        Path keystore = keystore("k2026", "s3cret-pass");

        Result result = run(Map.of("WM_KEYSTORE_PASSWORD", "guess"), "x\n",
                "mask", "--policy", "token", "--keystore", keystore.toString(), "--key-alias", "k2026");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("wrong password").doesNotContain("\tat ");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Map<String, String> env, String stdin, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("WM_KEYSTORE_PASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("waymark exited").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    private Path keystore(String alias, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 7 + 3);
        }
        store.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(secret, "HmacSHA256")),
                new KeyStore.PasswordProtection(password.toCharArray()));
        Path file = dir.resolve("keys.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
