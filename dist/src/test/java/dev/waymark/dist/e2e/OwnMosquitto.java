package dev.waymark.dist.e2e;

import dev.waymark.dist.internal.platform.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * A Mosquitto 2 broker of the test's own ({@code /usr/sbin/mosquitto}, Debian's package {@code mosquitto}): plain
 * MQTT on an ephemeral port of 127.0.0.1 (never 1883, the machine's), anonymous clients, persistence in the test's
 * folder. Missing binary: the test is skipped, saying which package to install.
 */
final class OwnMosquitto implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final int port;
    private final Path log;

    private OwnMosquitto(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a broker whose files live in {@code dir}; {@code maxQueuedMessages} is each session's queue while its
     * client is away (Mosquitto's default 1000; what exceeds it is dropped although the publisher got its PUBACK).
     */
    static OwnMosquitto start(Path dir, int maxQueuedMessages) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "*** " + BINARY + " is missing: install the Debian "
                + "package mosquitto (.ci/run does); the external-broker replica test is SKIPPED ***");
        Files.createDirectories(dir);
        int port = FreePorts.next();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + "/",
                "max_queued_messages " + maxQueuedMessages,
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                ""));
        Path log = dir.resolve("mosquitto.log");
        Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        OwnMosquitto broker = new OwnMosquitto(process, port, log);
        broker.awaitListening();
        return broker;
    }

    /** The broker's URL for Paho and cloud-core, {@code tcp://127.0.0.1:port}. */
    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The broker's log so far. */
    String logText() throws IOException {
        return Files.readString(log);
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(limit)) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + ":\n" + logText());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 20 s:\n" + logText());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
