package dev.waymark.benchmarks.hub;

import dev.waymark.hub.HubSettings;
import dev.waymark.hub.StoreHub;
import dev.waymark.provisioning.NoDelaySockets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.SocketFactory;

/**
 * Load generator: N kiosks -> hub (TLS, mutual certificates, outbox commit before PUBACK, bridge) -> upstream
 * HiveMQ -> subscriber, beside its limit from the same run: the same publishers -> the same upstream HiveMQ ->
 * subscriber, no hub. Two loads each: paced (every kiosk {@code rate} messages/s; latency) and saturating (every
 * kiosk {@code window} in flight; messages/s). Arguments: kiosks (20), seconds per load (10), rate (10), window
 * (20). Prints each figure, its limit and the ratio.
 */
public final class HubPassThrough {

    private HubPassThrough() {
    }

    public static void main(String[] args) throws Exception {
        int kiosks = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path folder = Files.createTempDirectory("wm-hub-bench");
        int upstreamPort = freePort();
        String upstream = "tcp://127.0.0.1:" + upstreamPort;
        Process broker = startUpstream(folder.resolve("upstream"), upstreamPort);
        try {
            List<SocketFactory> plain = new ArrayList<>();
            for (int i = 0; i < kiosks; i++) {
                plain.add(NoDelaySockets.plain());
            }
            LoadRun limitRun = new LoadRun(upstream, upstream, plain);
            limitRun.run(Math.max(2, seconds / 3), rate, window, "warm-limit");
            LoadRun.Result limitPaced = limitRun.run(seconds, rate, window, "limit-paced");
            LoadRun.Result limitSaturated = limitRun.run(seconds, 0, window, "limit-saturated");

            BenchPki pki = new BenchPki();
            HubSettings defaults = HubSettings.of(BenchPki.STORE, folder.resolve("hub"), pki.hubKeystore(folder),
                    upstream);
            // The bridge's rate limit (default 2000/s) is lifted so the figure is what the hub can carry.
            HubSettings settings = new HubSettings(defaults.storeId(), defaults.dataDir(), defaults.keystore(),
                    "127.0.0.1", 0, upstream, "", "127.0.0.1", 0, 30, "", 30, defaults.receiveMaximum(),
                    defaults.maxQueueSize(), defaults.outboxMaxRows(), defaults.bridgeWindow(), 1_000_000, false, 0);
            try (StoreHub hub = StoreHub.start(settings, BenchPki.PASSWORD.toCharArray())) {
                while (!hub.status().linkUp()) {
                    Thread.sleep(100);
                }
                List<SocketFactory> tls = new ArrayList<>();
                for (int i = 0; i < kiosks; i++) {
                    tls.add(NoDelaySockets.tls(pki.kioskTls("kiosk-" + i)));
                }
                LoadRun hubRun = new LoadRun("ssl://localhost:" + hub.mqttPort(), upstream, tls);
                hubRun.run(Math.max(2, seconds / 3), rate, window, "warm-hub");
                LoadRun.Result hubPaced = hubRun.run(seconds, rate, window, "hub-paced");
                LoadRun.Result hubSaturated = hubRun.run(seconds, 0, window, "hub-saturated");
                print(kiosks, seconds, rate, window, limitPaced, limitSaturated, hubPaced, hubSaturated,
                        hub.status().rejected() + hub.status().refusedFull());
            }
        } finally {
            broker.getOutputStream().close();
            broker.waitFor();
        }
        System.exit(0);
    }

    private static void print(int kiosks, int seconds, int rate, int window, LoadRun.Result limitPaced,
                              LoadRun.Result limitSaturated, LoadRun.Result hubPaced, LoadRun.Result hubSaturated,
                              long hubRefusals) {
        System.out.printf(Locale.ROOT, "%nHub pass-through: %d kiosks, %d s per load, paced %d msg/s per kiosk,"
                + " saturating window %d; one single-event batch per message%n", kiosks, seconds, rate, window);
        System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s%n", "figure", "hub", "limit", "ratio");
        row("paced: delivered msg/s", hubPaced.deliveredPerSecond(), limitPaced.deliveredPerSecond());
        row("paced: latency p50 (ms)", ms(hubPaced, 50), ms(limitPaced, 50));
        row("paced: latency p99 (ms)", ms(hubPaced, 99), ms(limitPaced, 99));
        row("saturating: delivered msg/s", hubSaturated.deliveredPerSecond(),
                limitSaturated.deliveredPerSecond());
        row("saturating: latency p99 (ms)", ms(hubSaturated, 99), ms(limitSaturated, 99));
        System.out.printf(Locale.ROOT, "p99 added by the hub, paced: %.2f ms; kiosks at %d msg/s one hub carries"
                + " (saturating msg/s / %d): %.0f; refusals: hub %d, kiosks saw %d%n",
                ms(hubPaced, 99) - ms(limitPaced, 99), rate, rate, hubSaturated.deliveredPerSecond() / rate,
                hubRefusals, hubPaced.refused() + hubSaturated.refused());
    }

    private static void row(String name, double hub, double limit) {
        System.out.printf(Locale.ROOT, "%-44s %14.2f %14.2f %8.2f%n", name, hub, limit, hub / limit);
    }

    private static double ms(LoadRun.Result result, double percentile) {
        return result.latencyMicros().getValueAtPercentile(percentile) / 1000.0;
    }

    private static Process startUpstream(Path folder, int port) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), UpstreamBroker.class.getName(),
                folder.toString(), String.valueOf(port)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            Thread.onSpinWait();
                        }
                    } catch (java.io.IOException ignored) {
                        // the broker is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("the upstream broker did not start");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
