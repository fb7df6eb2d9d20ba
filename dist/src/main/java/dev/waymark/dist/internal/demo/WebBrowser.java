package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.demo.Customers.Customer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** One web visitor after another on one event loop, each call posted as a batch of one when its time comes. */
final class WebBrowser extends VerticleBase {

    private final String batchUri;
    private final String authorization;
    private final ShopperShapes shapes;
    private final List<Customer> customers;
    private final WebSimulator.Settings settings;
    private final SplittableRandom random;
    private final WebTally tally;
    private final Clock clock = Clock.systemUTC();
    private HttpClient http;
    private long timer = -1;
    private boolean stopped;
    private WebVisit visit;
    private int next;

    WebBrowser(String batchUri, String writeKey, ShopperShapes shapes, List<Customer> customers,
               WebSimulator.Settings settings, SplittableRandom random, WebTally tally) {
        this.batchUri = batchUri;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.shapes = shapes;
        this.customers = customers;
        this.settings = settings;
        this.random = random;
        this.tally = tally;
    }

    @Override
    public Future<?> start() {
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
        beginVisit();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        // A grace period, so that calls in flight are answered and counted rather than cut off.
        return http.shutdown(Math.min(2_000, settings.requestTimeout().toMillis()), TimeUnit.MILLISECONDS);
    }

    private void beginVisit() {
        SplittableRandom visitRandom = random.split();
        Optional<Customer> customer = visitRandom.nextDouble() < settings.identifyShare()
                ? Optional.of(customers.get(visitRandom.nextInt(customers.size()))) : Optional.empty();
        visit = WebVisit.generate(shapes, settings.habits(), customer, visitRandom);
        next = 0;
        tally.visit();
        playNext();
    }

    private void playNext() {
        if (stopped) {
            return;
        }
        WebVisit.Timed call = visit.calls().get(next++);
        post(call.call());
        if (next < visit.calls().size()) {
            Duration gap = visit.calls().get(next).at().minus(call.at());
            timer = vertx.setTimer(settings.wallMillis(gap), id -> playNext());
        } else {
            timer = vertx.setTimer(Math.max(1, settings.pauseBetweenVisits().toMillis()), id -> beginVisit());
        }
    }

    private void post(JsonObject template) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String now = clock.instant().toString();
        JsonObject call = template.copy().put("messageId", "demo-" + HexFormat.of().formatHex(id))
                .put("timestamp", now);
        Buffer body = new JsonObject().put("batch", new JsonArray().add(call)).put("sentAt", now).toBuffer();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(batchUri)
                .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .setIdleTimeout(settings.requestTimeout().toMillis());
        tally.sent();
        http.request(request).compose(req -> req.send(body))
                .compose(response -> response.body().map(answer -> {
                    if (response.statusCode() == 200) {
                        tally.accepted();
                    } else {
                        tally.refused(response.statusCode(), why(answer));
                    }
                    return null;
                }))
                .onFailure(failure -> tally.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    /** The refusal's {@code error} and {@code field} (docs/collector.md); the collector never quotes input. */
    private static String why(Buffer answer) {
        try {
            JsonObject json = answer.toJsonObject();
            return json.getString("error", "?") + " " + json.getString("field", "");
        } catch (DecodeException | ClassCastException e) {
            return "(not JSON)";
        }
    }
}
