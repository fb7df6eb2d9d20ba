package dev.waymark.dist.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The cloud's live feed ({@code GET /v1/live}, server-sent events) as a test reads it: every item, in order. */
public final class LiveStream implements AutoCloseable {

    private final HttpClient client;
    private final List<JsonObject> items = new CopyOnWriteArrayList<>();

    private LiveStream(HttpClient client) {
        this.client = client;
    }

    /** Opens {@code /v1/live?query} at {@code api} with {@code key}; returns once the stream is open. */
    public static LiveStream open(Vertx vertx, URI api, String key, String query) throws Exception {
        HttpClient client = vertx.createHttpClient();
        LiveStream stream = new LiveStream(client);
        // The handler is set where the response arrives, on its event loop, so no line can slip past it.
        HttpClientResponse response = client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost(api.getHost()).setPort(api.getPort()).setURI("/v1/live?" + query)
                        .putHeader("Authorization", "Bearer " + key).putHeader("Accept", "text/event-stream"))
                .compose(request -> request.send())
                .map(answer -> answer.handler(RecordParser.newDelimited("\n", line -> stream.take(line.toString()))))
                .await(10, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            client.close();
            throw new IllegalStateException("GET /v1/live answered " + response.statusCode());
        }
        return stream;
    }

    private void take(String line) {
        String text = line.strip();
        if (text.startsWith("data:")) {
            items.add(new JsonObject(text.substring("data:".length()).strip()));
        }
    }

    /** Every item received so far. */
    public List<JsonObject> items() {
        return List.copyOf(items);
    }

    @Override
    public void close() throws Exception {
        client.close().await(10, TimeUnit.SECONDS);
    }
}
