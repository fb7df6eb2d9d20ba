package dev.waymark.benchmarks.cloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code wrk} (closed loop: each connection sends its next request when the last one answered) for
 * maximum throughput, and reads its summary.
 */
final class WrkRun {

    /** What wrk reported: requests per second, and answers that were not 2xx/3xx (or socket errors). */
    record Result(double requestsPerSecond, long failed, String summary) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), "
            + "timeout (\\d+)");

    private WrkRun() {
    }

    /** A Lua script that POSTs {@link CloudSetup#decisionBody} requests with the key, cycling over {@code profiles}. */
    static Path decisionScript(Path folder, String key, int profiles) throws IOException {
        String lua = """
                counter = 0
                request = function()
                  counter = counter + 1
                  local body = '{"identifiers":[{"namespace":"cookie","id":"anon-' .. (counter % PROFILES) .. '"}],'
                    .. '"channel":"web","placement":"web-banner","context":{"page":"/cart"}}'
                  return wrk.format("POST", "/v1/decisions",
                    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer KEY"}, body)
                end
                """.replace("PROFILES", String.valueOf(profiles)).replace("KEY", key);
        Path script = folder.resolve("decide.lua");
        Files.writeString(script, lua, StandardCharsets.UTF_8);
        return script;
    }

    /** Runs wrk against {@code url} with an optional Lua script. */
    static Result run(String url, Path script, int threads, int connections, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output: " + out);
        }
        long failed = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            failed += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                failed += Long.parseLong(socket.group(g));
            }
        }
        return new Result(Double.parseDouble(rate.group(1)), failed, out.strip());
    }
}
