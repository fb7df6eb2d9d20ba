package dev.waymark.cloud.internal.collector;

import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.BlockedLoopWatch;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.PiiScanner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The collector on a real HTTP server on port 0, over a real SQLite store and its event log, for the ITs; it
 * records Vert.x's blocked-thread warnings so a test can fail on them.
 */
final class CollectorServer implements AutoCloseable {

    static final String WRITE_KEY = "wk_shop_1";

    final Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(100));
    final JdbcStore store;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final BlockedLoopWatch watch = new BlockedLoopWatch();
    final List<String> blockedWarnings = watch.warnings();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    CollectorServer(Path dir) throws Exception {
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 2);
        Router router = Router.router(vertx);
        EventMasker masker = EventMasker.create(MaskingPolicy.defaults(), CallIntakeTest.KEYS, PiiScanner.standard());
        new CollectorRoutes(vertx, new StoreEventLog(vertx, store),
                key -> Future.succeededFuture(WRITE_KEY.equals(key)), masker, registry, Clock.systemUTC())
                .mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
    }

    /** POSTs {@code body} to {@code path} with the given extra headers (name, value, name, value, ...). */
    HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        URI uri = URI.create("http://localhost:" + server.actualPort() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code json} authenticated by the test write key as Basic auth user. */
    HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = basic(WRITE_KEY);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(path, json.getBytes(StandardCharsets.UTF_8), all);
    }

    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Every entry of the event log, in position order, as {key, payload}. */
    List<String[]> logEntries() throws Exception {
        return store.read(connection -> {
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = connection.createStatement()
                    .executeQuery("SELECT log_key, payload FROM event_log ORDER BY position")) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return rows;
        }).await(10, TimeUnit.SECONDS);
    }

    /** The count of {@code name} with {@code tag}={@code value}; 0 when never counted. */
    double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() throws Exception {
        watch.close();
        server.close().await(10, TimeUnit.SECONDS);
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
