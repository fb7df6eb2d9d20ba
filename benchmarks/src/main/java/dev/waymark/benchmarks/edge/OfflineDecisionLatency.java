package dev.waymark.benchmarks.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Load generator: the time from a touch to the offline decision's action on the kiosk's WebSocket. Each round is
 * one shopper session sent as one WebSocket message (a cart add, then the session's end), which fires the
 * cart-abandonment intent; the agent commits the events, decides from its bundle with the hub unreachable, and
 * pushes the action. The limit, from the same messages, is the touch-to-acknowledgement time (the reply the agent
 * sends once the same events are committed): no action can reach the screen before its events are durable.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.waymark.benchmarks.edge.OfflineDecisionLatency
 * [rounds] [warmup]}.
 */
public final class OfflineDecisionLatency {

    private static final String SESSION = "[{\"type\":\"wm.kiosk.cart_add\",\"data\":{\"sku\":\"SKU-88412\","
            + "\"category\":\"running-shoes\",\"quantity\":1,\"unitPrice\":12999,\"currency\":\"EUR\"}},"
            + "{\"type\":\"wm.kiosk.session_end\",\"data\":{}}]";

    private OfflineDecisionLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Histogram action = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram ack = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (BenchAgent bench = BenchAgent.start()) {
            bench.installCartHelpBundle();
            Screen screen = new Screen();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + bench.agent.httpPort() + "/v1/ws"), screen).get();
            for (int i = 0; i < warmup + rounds; i++) {
                long start = System.nanoTime();
                socket.sendText(SESSION, true).join();
                long acked = -1;
                long shown = -1;
                while (acked < 0 || shown < 0) {
                    String message = screen.messages.poll(10, TimeUnit.SECONDS);
                    if (message == null) {
                        throw new IllegalStateException("no reply within 10 s in round " + i);
                    }
                    long now = System.nanoTime();
                    if (message.contains("\"kind\":\"action\"")) {
                        shown = now;
                    } else if (message.contains("\"kind\":\"stored\"")) {
                        acked = now;
                    } else {
                        throw new IllegalStateException("refused: " + message);
                    }
                }
                if (i >= warmup) {
                    action.recordValue(shown - start);
                    ack.recordValue(acked - start);
                }
            }
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            System.out.printf(Locale.ROOT, "offline decision, touch -> action on WebSocket (%d rounds): "
                            + "p50 %.2f ms, p99 %.2f ms, max %.2f ms; offlineDecisions=%d%n", rounds,
                    ms(action.getValueAtPercentile(50)), ms(action.getValueAtPercentile(99)),
                    ms(action.getMaxValue()), bench.agent.status().offlineDecisions());
            System.out.printf(Locale.ROOT, "limit, touch -> commit acknowledged on WebSocket (same rounds): "
                            + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(ack.getValueAtPercentile(50)),
                    ms(ack.getValueAtPercentile(99)), ms(ack.getMaxValue()));
            System.out.printf(Locale.ROOT, "ratio p99 action / p99 limit: %.2f%n",
                    (double) action.getValueAtPercentile(99) / ack.getValueAtPercentile(99));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static final class Screen implements WebSocket.Listener {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
