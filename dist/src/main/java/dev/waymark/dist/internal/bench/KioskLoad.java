package dev.waymark.dist.internal.bench;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * One kiosk screen driven by the bench: a WebSocket to the agent's {@code /v1/ws}, on which it sends browse
 * captures (product views) and touches, and receives the agent's replies and the actions to show.
 *
 * <p>A touch starts a new kiosk session and asks for help ({@code session_start} + {@code service_request} in one
 * message), so contact caps and frequency policies of one session never suppress the next. At most one touch is
 * outstanding per kiosk: the next action on this socket answers it, since the agent shows every action on every
 * screen and the action carries nothing that names the touch; an action issued (its {@code issuedAt}, the cloud's
 * clock) before the outstanding touch was sent belongs to an earlier touch that timed out, and is counted as stray.
 * A touch due while another is outstanding waits, and its latency still counts from its due time (coordinated
 * omission). A touch unanswered after the timeout is counted as timed out and the next one goes.
 */
final class KioskLoad {

    static final String TOUCH = "[{\"type\":\"wm.kiosk.session_start\",\"data\":{\"locale\":\"en\"}},"
            + "{\"type\":\"wm.kiosk.service_request\",\"data\":{\"topic\":\"fitting\"}}]";
    // issuedAt is written with the cloud's clock; the same machine's, read by another process: allow a millisecond.
    private static final long CLOCK_SLACK_MICROS = 1000;
    private static final String[] CATEGORIES = {"shoes", "jackets", "bags", "socks", "shirts", "hats", "tents",
        "watches"};

    /** A touch due at {@code dueNanos}, counted in {@code measurement}; sent at {@code sentNanos} (wall clock:
     *  {@code sentMicros}), both 0 before. */
    private record Touch(long dueNanos, Measurement measurement, long sentNanos, long sentMicros) {
    }

    private final WebSocket socket;
    private final LongSupplier nanos;
    private final long timeoutNanos;
    private final ArrayDeque<Touch> waiting = new ArrayDeque<>();
    private Optional<Touch> outstanding = Optional.empty();
    private Measurement current;

    private KioskLoad(WebSocket socket, LongSupplier nanos, long timeoutNanos, Measurement first) {
        this.socket = socket;
        this.nanos = nanos;
        this.timeoutNanos = timeoutNanos;
        this.current = first;
    }

    /** Connects to {@code {captureApi}/v1/ws}; replies are counted in the measurement current when they arrive. */
    static Future<KioskLoad> connect(WebSocketClient client, URI captureApi, LongSupplier nanos, long timeoutNanos,
            Measurement first) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(captureApi.getHost())
                .setPort(captureApi.getPort()).setURI("/v1/ws");
        return client.connect(options).map(socket -> {
            KioskLoad kiosk = new KioskLoad(socket, nanos, timeoutNanos, first);
            socket.textMessageHandler(kiosk::received);
            return kiosk;
        });
    }

    /** Replies from now on count in {@code measurement}. */
    synchronized void countIn(Measurement measurement) {
        current = measurement;
    }

    /** Sends one product view now. */
    void browse(Measurement measurement) {
        String category = CATEGORIES[ThreadLocalRandom.current().nextInt(CATEGORIES.length)];
        int sku = ThreadLocalRandom.current().nextInt(10_000);
        socket.writeTextMessage("{\"type\":\"wm.kiosk.product_view\",\"data\":{\"sku\":\"SKU-" + sku
                + "\",\"category\":\"" + category + "\",\"price\":4999,\"currency\":\"EUR\"}}");
        measurement.browsesSent.increment();
    }

    /** A touch due at {@code dueNanos}: sent now, or once the outstanding one is answered or timed out. */
    synchronized void touch(long dueNanos, Measurement measurement) {
        measurement.touchesDue.increment();
        Touch touch = new Touch(dueNanos, measurement, 0, 0);
        if (outstanding.isPresent()) {
            measurement.touchesDeferred.increment();
            waiting.add(touch);
        } else {
            send(touch);
        }
    }

    /** Gives up on an outstanding touch sent longer ago than the timeout, and sends the next waiting one. */
    synchronized void expire() {
        if (outstanding.isPresent() && nanos.getAsLong() - outstanding.get().sentNanos() > timeoutNanos) {
            outstanding.get().measurement().touchesTimedOut.increment();
            next();
        }
    }

    /** Counts the outstanding touch and every waiting one as timed out, and forgets them. */
    synchronized void abandon() {
        outstanding.ifPresent(touch -> touch.measurement().touchesTimedOut.increment());
        waiting.forEach(touch -> touch.measurement().touchesTimedOut.increment());
        outstanding = Optional.empty();
        waiting.clear();
    }

    /** True while a touch is outstanding or waiting. */
    synchronized boolean busy() {
        return outstanding.isPresent() || !waiting.isEmpty();
    }

    /** Closes the socket. */
    Future<Void> close() {
        return socket.close();
    }

    private void send(Touch touch) {
        outstanding = Optional.of(new Touch(touch.dueNanos(), touch.measurement(), nanos.getAsLong(),
                wallMicros()));
        socket.writeTextMessage(TOUCH);
    }

    private void next() {
        outstanding = Optional.empty();
        Touch following = waiting.poll();
        if (following != null) {
            send(following);
        }
    }

    private static long wallMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static Optional<Long> issuedMicros(JsonObject message) {
        try {
            Instant issued = Instant.parse(message.getJsonObject("action", new JsonObject()).getString("issuedAt"));
            return Optional.of(issued.getEpochSecond() * 1_000_000 + issued.getNano() / 1000);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private synchronized void received(String text) {
        long now = nanos.getAsLong();
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException e) {
            current.refusals.increment();
            return;
        }
        switch (message.getString("kind", "")) {
            case "action" -> {
                Optional<Long> issued = issuedMicros(message);
                // An action issued before the outstanding touch was sent answers an earlier one that timed out.
                if (outstanding.isEmpty() || issued.isEmpty()
                        || issued.get() < outstanding.get().sentMicros() - CLOCK_SLACK_MICROS) {
                    current.strayActions.increment();
                    return;
                }
                Touch answered = outstanding.get();
                answered.measurement().answered(answered.dueNanos(), now);
                answered.measurement().split(answered.sentMicros(), issued.get(), wallMicros());
                next();
            }
            case "stored" -> current.eventsStored.add(message.getJsonArray("events", new JsonArray()).size());
            default -> current.refusals.increment();
        }
    }
}
