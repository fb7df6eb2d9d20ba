package dev.waymark.dist.internal.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platform's cloud core: a child JVM running {@code waymark cloud}, and what the platform knows of it. */
public final class CloudNode {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final Pattern CA_LINE = Pattern.compile("device CA ([0-9a-f]{64})");

    private final ChildJvm jvm;
    private final Path dataDir;
    private final URI api;
    private final int provisioningPort;
    private final int gatewayPort;
    private final String adminPassword;
    private String secretKey = "";
    private String writeKey = "";
    private String caFingerprint = "";

    CloudNode(ChildJvm jvm, Path dataDir, int httpPort, int provisioningPort, int gatewayPort, String adminPassword) {
        this.jvm = jvm;
        this.dataDir = dataDir;
        this.api = URI.create("http://127.0.0.1:" + httpPort);
        this.provisioningPort = provisioningPort;
        this.gatewayPort = gatewayPort;
        this.adminPassword = adminPassword;
    }

    /** Starts the process and waits until {@code /health/ready} answers 200. */
    void start() throws IOException, InterruptedException {
        jvm.start();
        awaitReady();
    }

    /** SIGKILL: the cloud gets no chance to clean up. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** Starts the cloud again on the same files and ports, after {@link #kill()}. */
    public void restart() throws IOException, InterruptedException {
        start();
    }

    /** The API's base URI, e.g. {@code http://127.0.0.1:8080}. */
    public URI api() {
        return api;
    }

    /** A client of the API. */
    public CloudApi client() {
        return new CloudApi(api);
    }

    /** Password of user {@code admin}. */
    public String adminPassword() {
        return adminPassword;
    }

    /** A secret API key with every scope on every store. */
    public String secretKey() {
        return secretKey;
    }

    /** A public write key for the collector. */
    public String writeKey() {
        return writeKey;
    }

    /** The device CA's SHA-256 fingerprint, as enrollment pins it. */
    public String caFingerprint() {
        return caFingerprint;
    }

    /** The enrollment service's URL. */
    public String provisioningUrl() {
        return "https://localhost:" + provisioningPort + "/provisioning/v1";
    }

    /** The hub gateway's MQTT over TLS URL. */
    public String gatewayUrl() {
        return "ssl://localhost:" + gatewayPort;
    }

    /** The hub gateway's port on {@code localhost}. */
    int gatewayPort() {
        return gatewayPort;
    }

    public ProcessHandle process() {
        return jvm.handle();
    }

    public Path log() {
        return jvm.log();
    }

    public Path dataDir() {
        return dataDir;
    }

    ChildJvm jvm() {
        return jvm;
    }

    void keys(String secret, String write) {
        this.secretKey = secret;
        this.writeKey = write;
    }

    private void awaitReady() throws IOException, InterruptedException {
        CloudApi client = client();
        Instant limit = Instant.now().plus(START_LIMIT);
        // The banner with the CA fingerprint is printed just after the API starts answering: wait for both.
        while (!client.ready() || (caFingerprint = readFingerprint()).isEmpty()) {
            jvm.checkAlive();
            if (Instant.now().isAfter(limit)) {
                throw new IOException("the cloud core did not become ready within " + START_LIMIT.toSeconds()
                        + " s; last lines of " + jvm.log() + ":\n" + ChildJvm.tail(jvm.log(), 15));
            }
            Thread.sleep(200);
        }
    }

    private String readFingerprint() throws IOException {
        Matcher last = null;
        for (String line : Files.readAllLines(jvm.log())) {
            Matcher m = CA_LINE.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return last == null ? "" : last.group(1);
    }
}
