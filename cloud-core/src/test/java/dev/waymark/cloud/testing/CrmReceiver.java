package dev.waymark.cloud.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A CRM's signed-webhook endpoint on an ephemeral port that takes every message (200) and keeps its body. */
public final class CrmReceiver implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public CrmReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(body.toJsonObject());
            request.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    /** The cloud's {@code crm} settings section that delivers to this receiver. */
    public JsonObject crmSection() {
        return new JsonObject().put("webhook", new JsonObject()
                .put("url", "http://127.0.0.1:" + server.actualPort() + "/crm")
                .put("secret", "crm-receiver-secret-0123456789"));
    }

    /** The messages of {@code type} received so far. */
    public List<JsonObject> received(String type) {
        return received.stream().filter(message -> type.equals(message.getString("type"))).toList();
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
