package dev.waymark.hub.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's mosquitto clients, run as processes: clients no one here wrote. */
public final class Mosquitto {

    /** Exit code and everything the command printed. */
    public record Result(int exitCode, String output) {
    }

    private Mosquitto() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/mosquitto_pub"))
                && Files.isExecutable(Path.of("/usr/bin/mosquitto_sub"));
    }

    /** mosquitto_pub, MQTT v5, QoS 1, over TLS; {@code pem} is cert, key, CA (cert and key may be null). */
    public static Result publish(int port, String clientId, Path[] pem, String topic, Path payload)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-V", "mqttv5", "-q", "1", "-h", "localhost",
                "-p", String.valueOf(port), "-i", clientId, "-t", topic, "-f", payload.toString()));
        tls(command, pem);
        return run(command, 30);
    }

    /** mosquitto_sub for one message, waiting at most {@code seconds}. */
    public static Process subscribe(int port, String clientId, Path[] pem, String topic, Path output)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-V", "mqttv5", "-q", "1", "-h", "localhost",
                "-p", String.valueOf(port), "-i", clientId, "-t", topic, "-C", "1", "-W", "30"));
        tls(command, pem);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static void tls(List<String> command, Path[] pem) {
        command.addAll(List.of("--cafile", pem[2].toString()));
        if (pem[0] != null) {
            command.addAll(List.of("--cert", pem[0].toString(), "--key", pem[1].toString()));
        }
    }

    private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
