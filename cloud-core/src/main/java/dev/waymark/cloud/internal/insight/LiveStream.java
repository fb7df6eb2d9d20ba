package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.LiveFeed;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** One client's server-sent event stream: subscribes to the live feed until the connection closes. */
final class LiveStream {

    private final Vertx vertx;
    private final HttpServerResponse response;
    private final LiveFilter filter;
    private final InsightSettings settings;
    private final Counter dropped;
    private final Runnable onClose;
    private MessageConsumer<Object> consumer;
    private long heartbeat;
    private boolean closed;

    LiveStream(Vertx vertx, HttpServerResponse response, LiveFilter filter, InsightSettings settings,
            Counter dropped, Runnable onClose) {
        this.vertx = vertx;
        this.response = response;
        this.filter = filter;
        this.settings = settings;
        this.dropped = dropped;
        this.onClose = onClose;
    }

    void start() {
        response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-cache").putHeader("x-accel-buffering", "no")
                .setWriteQueueMaxSize(settings.liveQueueBytes());
        response.closeHandler(v -> close());
        response.exceptionHandler(e -> close());
        consumer = vertx.eventBus().localConsumer(LiveFeed.ADDRESS, this::deliver);
        heartbeat = vertx.setPeriodic(settings.liveHeartbeat().toMillis(), id -> write(": heartbeat\n\n", false));
        // The comment sends the headers at once, so the client knows it is subscribed.
        consumer.completion().onComplete(done -> write(": connected\n\n", false));
    }

    private void deliver(Message<Object> message) {
        if (message.body() instanceof JsonObject item && filter.accepts(item)) {
            write("data: " + item.encode() + "\n\n", true);
        }
    }

    /** Writes unless the client's queue is full; a dropped item (not a comment) is counted. */
    private void write(String chunk, boolean item) {
        if (closed) {
            return;
        }
        if (response.writeQueueFull()) {
            if (item) {
                dropped.increment();
            }
            return;
        }
        response.write(chunk);
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        vertx.cancelTimer(heartbeat);
        consumer.unregister();
        onClose.run();
    }
}
