package dev.waymark.dist.internal.crm;

import dev.waymark.dist.Waymark.ExitCodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code waymark crm status|dead-letters|replay}: the CRM sync's state and its dead letters, through the cloud API
 * (scope {@code admin}; docs/crm.md).
 */
@Command(name = "crm", mixinStandardHelpOptions = true,
        description = "Show the CRM sync's state, list its dead letters and replay them.",
        subcommands = {CrmCommand.Status.class, CrmCommand.DeadLetters.class, CrmCommand.Replay.class})
public final class CrmCommand implements Callable<Integer> {

    /** Environment fallback for {@code --key}, which keeps the key out of shell history. */
    static final String KEY_VARIABLE = "WM_API_KEY";
    /** Environment fallback for {@code --cloud}. */
    static final String CLOUD_VARIABLE = "WM_CLOUD_URL";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Shared plumbing: the cloud's URL and key, one request, refusals as plain messages. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cloud", description = "The cloud API's URL, e.g. http://cloud:8080 (default: $"
                + CLOUD_VARIABLE + ").")
        String cloud;

        @Option(names = "--key", description = "A secret API key with scope admin (default: $" + KEY_VARIABLE
                + ", which keeps it out of shell history).")
        String key;

        @Option(names = "--json", description = "Print the API's JSON instead of a summary.")
        boolean json;

        /** Where defaults are read from; tests replace it. */
        Function<String, String> environment = System::getenv;

        /** The method and path to call. */
        abstract String[] request();

        /** Prints a successful answer. */
        abstract void print(JsonObject answer, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String base = Optional.ofNullable(cloud).orElse(environment.apply(CLOUD_VARIABLE));
            String secret = Optional.ofNullable(key).orElse(environment.apply(KEY_VARIABLE));
            if (base == null || base.isBlank() || secret == null || secret.isBlank()) {
                err.printf("waymark crm %s: give --cloud and --key (or set %s and %s)%n", spec.name(),
                        CLOUD_VARIABLE, KEY_VARIABLE);
                return ExitCodes.USAGE;
            }
            String[] request = request();
            HttpResponse<String> response;
            try {
                URI uri = URI.create(base.replaceAll("/+$", "") + request[1]);
                response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + secret)
                                .method(request[0], HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IllegalArgumentException e) {
                err.printf("waymark crm %s: --cloud is not a URL: %s%n", spec.name(), e.getMessage());
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.printf("waymark crm %s: cannot reach the cloud: %s%n", spec.name(), e.getMessage());
                return ExitCodes.REJECTED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.REJECTED;
            }
            JsonObject answer;
            try {
                answer = new JsonObject(response.body());
            } catch (RuntimeException e) {
                err.printf("waymark crm %s: HTTP %d, not an API answer%n", spec.name(), response.statusCode());
                return ExitCodes.REJECTED;
            }
            if (response.statusCode() / 100 != 2) {
                err.printf("waymark crm %s: refused (HTTP %d): %s%n", spec.name(), response.statusCode(),
                        answer.getString("message", ""));
                return ExitCodes.REJECTED;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(answer.encodePrettily());
            } else {
                print(answer, out);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code waymark crm status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Each connector's pending, retrying, delivered and dead messages and its lag.")
    static final class Status extends Action {
        @Override
        String[] request() {
            return new String[] {"GET", "/v1/crm/status"};
        }

        @Override
        void print(JsonObject answer, PrintWriter out) {
            out.printf("%-16s %8s %8s %10s %6s %10s%n", "CONNECTOR", "PENDING", "RETRYING", "DELIVERED", "DEAD",
                    "LAG_MS");
            for (Object item : answer.getJsonArray("connectors", new JsonArray())) {
                JsonObject c = (JsonObject) item;
                out.printf("%-16s %8d %8d %10d %6d %10d%n", c.getString("kind"), c.getLong("pending"),
                        c.getLong("retrying"), c.getLong("delivered"), c.getLong("dead"), c.getLong("lagMillis"));
            }
            out.println("inbound webhook: " + (answer.getBoolean("inbound", false) ? "on" : "off"));
        }
    }

    /** {@code waymark crm dead-letters}. */
    @Command(name = "dead-letters", mixinStandardHelpOptions = true,
            description = "List the CRM messages given up on, oldest first.")
    static final class DeadLetters extends Action {
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 1000; default 100).")
        int limit;

        @Override
        String[] request() {
            return new String[] {"GET", "/v1/crm/dead-letters?limit=" + limit};
        }

        @Override
        void print(JsonObject answer, PrintWriter out) {
            JsonArray letters = answer.getJsonArray("deadLetters", new JsonArray());
            out.printf("%-26s %-15s %-18s %8s  %s%n", "ID", "CONNECTOR", "TYPE", "ATTEMPTS", "LAST ERROR");
            for (Object item : letters) {
                JsonObject letter = (JsonObject) item;
                out.printf("%-26s %-15s %-18s %8d  %s%n", letter.getString("id"), letter.getString("kind"),
                        letter.getJsonObject("message", new JsonObject()).getString("type", "?"),
                        letter.getInteger("attempts"), letter.getString("lastError"));
            }
            out.println(letters.size() + " dead letter(s)");
        }
    }

    /** {@code waymark crm replay ID|--all}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send dead letters again: attempts reset, the same idempotency key.")
    static final class Replay extends Action {
        @ArgGroup(multiplicity = "1")
        Which which;

        /** One dead letter or all of them. */
        static final class Which {
            @Parameters(paramLabel = "ID", description = "The dead letter's id (from 'waymark crm dead-letters').")
            String id;

            @Option(names = "--all", description = "Every dead letter.")
            boolean all;
        }

        @Override
        String[] request() {
            return new String[] {"POST", which.all ? "/v1/crm/dead-letters/replay"
                    : "/v1/crm/dead-letters/" + URLEncoder.encode(which.id, StandardCharsets.UTF_8) + "/replay"};
        }

        @Override
        void print(JsonObject answer, PrintWriter out) {
            out.println(answer.getInteger("replayed", 0) + " dead letter(s) pending again");
        }
    }
}
