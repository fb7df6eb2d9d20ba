package dev.waymark.dist.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A kiosk screen as a test drives it: the agent's WebSocket {@code /v1/ws}, captures sent as the UI sends them,
 * replies and actions collected in the order they arrive.
 */
public final class KioskSocket implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonObject> actions = new LinkedBlockingQueue<>();

    private KioskSocket(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            ("action".equals(message.getString("kind")) ? actions : replies).add(message);
        });
    }

    /** Opens the screen's socket to the agent at {@code captureApi}. */
    public static KioskSocket open(Vertx vertx, URI captureApi) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocket socket = client.connect(new WebSocketConnectOptions().setHost(captureApi.getHost())
                .setPort(captureApi.getPort()).setURI("/v1/ws")).await(10, TimeUnit.SECONDS);
        return new KioskSocket(client, socket);
    }

    /** Sends one capture ({@code {"type", "data"}}) and returns the agent's reply ({@code kind} stored or refused). */
    public JsonObject capture(String type, JsonObject data) throws Exception {
        socket.writeTextMessage(new JsonObject().put("type", type).put("data", data).encode())
                .await(10, TimeUnit.SECONDS);
        JsonObject reply = replies.poll(30, TimeUnit.SECONDS);
        if (reply == null) {
            throw new AssertionError("no reply to " + type + " within 30 s");
        }
        return reply;
    }

    /** The next action shown on this screen, or null when none arrives within {@code wait}. */
    public JsonObject nextAction(Duration wait) throws InterruptedException {
        JsonObject message = actions.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return message == null ? null : message.getJsonObject("action");
    }

    @Override
    public void close() throws Exception {
        socket.close().await(10, TimeUnit.SECONDS);
        client.close().await(10, TimeUnit.SECONDS);
    }
}
