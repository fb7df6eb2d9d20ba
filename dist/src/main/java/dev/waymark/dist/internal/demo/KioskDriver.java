package dev.waymark.dist.internal.demo;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * One kiosk's shoppers, on one event loop: plays visits over the agent's WebSocket, one capture in flight at a time
 * (the agent's replies carry no id, so the next reply answers the capture in flight), answers actions, reopens the
 * socket with backoff when it drops.
 */
final class KioskDriver extends VerticleBase {

    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final URI kiosk;
    private final ShopperShapes shapes;
    private final Customers customers;
    private final KioskSimulator.Settings settings;
    private final SplittableRandom random;
    private final KioskTally tally;
    private final Clock clock = Clock.systemUTC();
    private final Deque<String> queue = new ArrayDeque<>();
    private WebSocketClient client;
    private WebSocket socket;
    private boolean awaitingReply;
    private boolean stopped;
    private long replyTimer = -1;
    private long visitTimer = -1;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;
    private ShopperScript script;
    private int next;

    KioskDriver(URI kiosk, ShopperShapes shapes, Customers customers, KioskSimulator.Settings settings,
                SplittableRandom random, KioskTally tally) {
        this.kiosk = kiosk;
        this.shapes = shapes;
        this.customers = customers;
        this.settings = settings;
        this.random = random;
        this.tally = tally;
    }

    @Override
    public Future<?> start() {
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(5_000));
        connect();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(visitTimer);
        vertx.cancelTimer(replyTimer);
        queue.clear();
        return client.close();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(kiosk.getHost())
                .setPort(kiosk.getPort()).setURI("/v1/ws");
        client.connect(options).onComplete(connected -> {
            if (connected.failed()) {
                reconnectLater();
            } else if (stopped) {
                connected.result().close();
            } else {
                attach(connected.result());
            }
        });
    }

    private void attach(WebSocket opened) {
        socket = opened;
        backoffMillis = FIRST_BACKOFF_MILLIS;
        opened.textMessageHandler(this::received);
        opened.exceptionHandler(failure -> opened.close());
        opened.closeHandler(closed -> dropped(opened));
        beginVisit();
    }

    private void dropped(WebSocket closed) {
        if (socket != closed) {
            return;
        }
        socket = null;
        awaitingReply = false;
        queue.clear();
        vertx.cancelTimer(visitTimer);
        vertx.cancelTimer(replyTimer);
        if (!stopped) {
            tally.reconnect();
            reconnectLater();
        }
    }

    private void reconnectLater() {
        if (stopped) {
            return;
        }
        // Jittered like the agent's own uplink: each delay drawn from the upper half of a doubling backoff.
        long delay = backoffMillis / 2 + random.nextLong(backoffMillis / 2 + 1);
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        vertx.setTimer(Math.max(1, delay), id -> connect());
    }

    private void beginVisit() {
        script = ShopperScript.generate(shapes, settings.habits(), customers, random.split());
        next = 0;
        tally.shopper();
        playNext();
    }

    private void playNext() {
        ShopperScript.TimedCapture capture = script.captures().get(next++);
        enqueue(capture.json());
        if (next < script.captures().size()) {
            Duration gap = script.captures().get(next).at().minus(capture.at());
            visitTimer = vertx.setTimer(settings.wallMillis(gap), id -> playNext());
        } else {
            // Only a cart left behind has anything to wait for (the abandonment timer).
            boolean cartLeft = script.ending() == ShopperScript.Ending.WALK_AWAY
                    && script.count("wm.kiosk.cart_add") > 0;
            Duration pause = cartLeft ? settings.pauseBetweenShoppers().plus(settings.afterWalkAway())
                    : settings.pauseBetweenShoppers();
            visitTimer = vertx.setTimer(Math.max(1, pause.toMillis()), id -> beginVisit());
        }
    }

    private void enqueue(String json) {
        queue.add(json);
        sendNext();
    }

    private void sendNext() {
        if (awaitingReply || socket == null || queue.isEmpty()) {
            return;
        }
        WebSocket open = socket;
        awaitingReply = true;
        open.writeTextMessage(queue.poll());
        tally.sent();
        replyTimer = vertx.setTimer(settings.replyTimeout().toMillis() + 1, id -> {
            tally.unanswered();
            open.close();
        });
    }

    private void received(String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException e) {
            return;
        }
        String kind = String.valueOf(message.getValue("kind"));
        if (kind.equals("stored") || kind.equals("refused")) {
            vertx.cancelTimer(replyTimer);
            awaitingReply = false;
            if (kind.equals("stored")) {
                tally.stored();
            } else {
                tally.refused(message.getString("field", "?") + ": " + message.getString("reason", "?"));
            }
            sendNext();
        } else if (kind.equals("action") && message.getValue("action") instanceof JsonObject action) {
            answer(action);
        }
    }

    private void answer(JsonObject action) {
        tally.action(action.getString("kind", "unknown"));
        double choice = random.nextDouble();
        boolean accept = choice < settings.acceptShare();
        if (!accept && choice >= settings.acceptShare() + settings.dismissShare()) {
            return;
        }
        vertx.setTimer(settings.wallMillis(settings.readTime()), id -> {
            if (stopped || socket == null || expired(action)) {
                return;
            }
            tally.answered(accept);
            enqueue(KioskCaptures.outcome(accept ? "wm.outcome.accept" : "wm.outcome.dismiss",
                    action.getString("actionId"), action.getString("decisionId"), action.getString("placement"))
                    .encode());
        });
    }

    /** The UI hides an action at its {@code expiresAt}; a shopper cannot answer it after. */
    private boolean expired(JsonObject action) {
        try {
            return !Instant.parse(action.getString("expiresAt")).isAfter(clock.instant());
        } catch (DateTimeException | NullPointerException e) {
            return true;
        }
    }
}
