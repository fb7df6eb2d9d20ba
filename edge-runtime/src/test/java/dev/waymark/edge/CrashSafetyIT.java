package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.edge.support.AgentProcessMain;
import dev.waymark.edge.support.HubStandIn;
import dev.waymark.edge.support.KioskClient;
import dev.waymark.edge.support.TestBroker;
import dev.waymark.edge.support.TestKiosk;
import dev.waymark.edge.support.TestPki;
import dev.waymark.protocol.CloudEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the agent's JVM with SIGKILL while it ingests at full speed, restarts it on the same database, and checks
 * that every capture acknowledged to the UI reaches the hub exactly once after dedup, in sequence order.
 */
class CrashSafetyIT {

    private static final int WRITERS = 4;
    private static final int KILL_AFTER_ACKED = 3_000;

    @TempDir
    Path dir;

    @Test
    void sigkillMidIngest_everyAcknowledgedCaptureIsDeliveredOnceInOrderAfterRestart() throws Exception {
        try (TestBroker broker = TestBroker.plain(dir.resolve("broker"));
             HubStandIn hub = HubStandIn.connect(broker.tcpAddress(), "hub-crash-stand-in")) {
            EdgeSettings settings = TestKiosk.create(dir, TestPki.create("Test CA")).settings(broker.tcpAddress(),
                    true);
            Path config = dir.resolve("edge.json");
            Files.writeString(config, """
                    {"deviceConfig": "device.json", "keystore": "device.p12", "database": "edge.db",
                     "httpPort": 0, "dev": true}""");

            Process first = launch(config);
            int port = portOf(first);
            List<String> acked = Collections.synchronizedList(new ArrayList<>());
            List<Thread> writers = ingest(port, acked);
            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= KILL_AFTER_ACKED);
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
            for (Thread writer : writers) {
                writer.join();
            }

            Process second = launch(config);
            try {
                portOf(second);
                await().atMost(Duration.ofSeconds(90)).until(() -> firsts(hub).keySet().containsAll(acked));
            } finally {
                second.destroyForcibly();
                second.waitFor(30, TimeUnit.SECONDS);
            }
            List<CloudEvent> delivered = new ArrayList<>(firsts(hub).values());
            assertThat(delivered).extracting(CloudEvent::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(delivered.stream().map(CloudEvent::id).filter(acked::contains).count())
                    .isEqualTo(acked.size());
            assertThat(settings.database()).exists();
        }
    }

    private static Map<String, CloudEvent> firsts(HubStandIn hub) {
        Map<String, CloudEvent> firsts = new LinkedHashMap<>();
        for (CloudEvent event : hub.events()) {
            firsts.putIfAbsent(event.id(), event);
        }
        return firsts;
    }

    private List<Thread> ingest(int port, List<String> acked) {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                KioskClient client = new KioskClient(port);
                for (int i = 0; ; i++) {
                    try {
                        HttpResponse<String> response = client.post(EdgeAgentIT.batch(20, "crash-" + writer + "-"
                                + i + "-"));
                        if (response.statusCode() == 200) {
                            acked.addAll(EdgeAgentIT.storedIds(response));
                        }
                    } catch (Exception connectionGone) {
                        return;
                    }
                }
            });
            thread.start();
            writers.add(thread);
        }
        return writers;
    }

    private Process launch(Path config) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AgentProcessMain.class.getName(), config.toString());
        builder.environment().put("WM_KEYSTORE_PASSWORD", TestPki.PASSWORD);
        builder.redirectError(dir.resolve("agent-" + System.nanoTime() + ".log").toFile());
        return builder.start();
    }

    private static int portOf(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new AssertionError("the agent process ended before it listened (exit " + process.waitFor() + ")");
    }
}
