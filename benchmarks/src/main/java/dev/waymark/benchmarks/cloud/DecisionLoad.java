package dev.waymark.benchmarks.cloud;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Inbound decisions under load on a real cloud core ({@link CloudSetup}): (a) p50/p99 at a fixed rate from
 * {@link PacedDecisions} in a child JVM; (b) maximum throughput of {@code POST /v1/decisions} with wrk; (c) beside
 * it, wrk against {@code GET /health/live} on the same server in the same run, the API's cheapest route (no
 * credentials, no body, no store), as the empty endpoint. Arguments: rate (2000), seconds (20), profiles (3000),
 * wrk seconds (15), wrk connections (32).
 */
public final class DecisionLoad {

    private static final int WARMUP_SECONDS = 5;

    private DecisionLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int profiles = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        int wrkSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        Path folder = Files.createTempDirectory("wm-decision-bench");
        Vertx vertx = Vertx.vertx();
        CloudSetup setup = CloudSetup.start(vertx, folder.resolve("cloud"));
        try {
            String key = setup.createKey("secret", new JsonArray().add("decide").add("read"));
            setup.seedProfiles(setup.createKey("public", new JsonArray()), profiles);
            setup.awaitPipeline();
            setup.grantMarketing(setup.createKey("secret", new JsonArray().add("consent")), profiles);
            System.out.println("one decision: " + oneDecision(setup.base, key));
            String[] paced = paced(setup.cloud.httpPort(), key, rate, seconds, profiles);
            Path script = WrkRun.decisionScript(folder, key, profiles);
            WrkRun.run(setup.base + "/v1/decisions", script, 2, connections, WARMUP_SECONDS);
            WrkRun.Result decisions = WrkRun.run(setup.base + "/v1/decisions", script, 2, connections, wrkSeconds);
            WrkRun.Result empty = WrkRun.run(setup.base + "/health/live", null, 2, connections, wrkSeconds);
            System.out.println(decisions.summary());
            System.out.println(empty.summary());
            print(rate, seconds, connections, paced, decisions, empty);
        } finally {
            setup.cloud.stop().await(60, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    // One decision and its explanation, printed so a run shows that actions are really chosen.
    private static String oneDecision(String base, String key) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/v1/decisions")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CloudSetup.decisionBody(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String explanation = new JsonObject(answer.body()).getString("explanationUrl");
        HttpResponse<String> explained = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + explanation)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body() + "\n  explanation: " + explained.body();
    }

    private static String[] paced(int port, String key, int rate, int seconds, int profiles) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), PacedDecisions.class.getName(),
                String.valueOf(port), key, String.valueOf(rate), String.valueOf(seconds), String.valueOf(profiles),
                String.valueOf(WARMUP_SECONDS)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    child.waitFor(30, TimeUnit.SECONDS);
                    return line.substring(7).split(" ");
                }
            }
        }
        throw new IllegalStateException("the paced load generator printed no result");
    }

    private static void print(int rate, int seconds, int connections, String[] paced, WrkRun.Result decisions,
            WrkRun.Result empty) {
        System.out.printf(Locale.ROOT, "%nInbound decisions: paced %d req/s for %d s (after %d s warm-up), wrk -t2 -c%d"
                + "%n", rate, seconds, WARMUP_SECONDS, connections);
        System.out.printf(Locale.ROOT, "paced: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %s answered 200"
                + " at %s req/s, %s failed or late%n", ms(paced[0]), ms(paced[1]), ms(paced[2]), ms(paced[3]),
                paced[4], paced[6], paced[5]);
        System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s%n", "figure", "decisions", "empty", "ratio");
        System.out.printf(Locale.ROOT, "%-44s %14.0f %14.0f %8.2f%n", "max req/s (wrk)",
                decisions.requestsPerSecond(), empty.requestsPerSecond(),
                decisions.requestsPerSecond() / empty.requestsPerSecond());
        System.out.printf(Locale.ROOT, "%-44s %14d %14d%n", "failed answers (non-2xx, socket errors)",
                decisions.failed(), empty.failed());
    }

    private static double ms(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }
}
