package dev.waymark.cloud.internal.decision.outbox;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.LiveFeed;
import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.action.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox at least once: polls due messages, claims them, sends device actions through the
 * {@link DeviceChannel} and webhook bodies as signed HTTP POSTs, marks each delivered, retries failures with
 * exponential backoff and jitter, dead-letters a message after the last attempt and never sends an expired one.
 * It polls every {@code outbox.pollMs} when idle, and at once when the live feed ({@link LiveFeed}) announces an
 * action, which the pipeline publishes after the transaction that queued it has committed.
 * Meters: {@code wm.outbox.lag} (ms, gauge), {@code wm.outbox.delivered}, {@code .retries}, {@code .dead},
 * {@code .expired} (counters).
 */
public final class OutboxDrainer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());
    private static final ContractCodec CODEC = ContractCodec.create();
    private static final int BATCH = 100;

    private final Vertx vertx;
    private final Store store;
    private final Outbox outbox;
    private final DeviceChannel devices;
    private final OutboxSettings settings;
    private final Clock clock;
    private final WebClient http;
    private final WebhookSignature signature;
    private final AtomicLong lag = new AtomicLong();
    private final Counter delivered;
    private final Counter retries;
    private final Counter dead;
    private final Counter expired;
    private volatile boolean closed;
    private volatile long timer = -1;
    private final AtomicBoolean idle = new AtomicBoolean();
    private MessageConsumer<JsonObject> wakeUps;

    /** A drainer; call {@link #start()}. */
    public OutboxDrainer(Vertx vertx, Store store, Outbox outbox, DeviceChannel devices, OutboxSettings settings,
            MeterRegistry meters, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.outbox = outbox;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
        this.http = WebClient.create(vertx);
        this.signature = new WebhookSignature(settings.webhookSecret());
        Gauge.builder("wm.outbox.lag", lag, AtomicLong::get).baseUnit("milliseconds")
                .description("age of the oldest undelivered outbox message").register(meters);
        this.delivered = meters.counter("wm.outbox.delivered");
        this.retries = meters.counter("wm.outbox.retries");
        this.dead = meters.counter("wm.outbox.dead");
        this.expired = meters.counter("wm.outbox.expired");
    }

    /** Starts polling, and listening for queued actions. */
    public void start() {
        wakeUps = vertx.eventBus().localConsumer(LiveFeed.ADDRESS, item -> {
            if ("action".equals(item.body().getString("kind"))) {
                wake();
            }
        });
        schedule(1);
    }

    /** Polls now if the drainer is waiting out its idle interval; a poll under way already picks new work up. */
    private void wake() {
        if (idle.compareAndSet(true, false) && vertx.cancelTimer(timer)) {
            schedule(0);
        }
    }

    private void schedule(long delayMs) {
        if (!closed) {
            timer = vertx.setTimer(Math.max(1, delayMs), id -> {
                idle.set(false);
                drainOnce().onComplete(done -> {
                    if (done.failed()) {
                        LOG.log(Level.WARNING, "outbox poll failed: " + done.cause().getMessage());
                    }
                    boolean more = done.succeeded() && done.result() > 0;
                    schedule(more ? 1 : settings.poll().toMillis());
                    idle.set(!more);
                });
            });
        }
    }

    /** One poll: delivers what is due; completes with the number of messages handled. */
    public Future<Integer> drainOnce() {
        Instant now = clock.instant();
        return store.read(c -> {
            lag.set(outbox.lagMillis(c, now));
            return outbox.due(c, now, BATCH);
        }).compose(due -> due.isEmpty() ? Future.succeededFuture(List.<OutboxMessage>of())
                : store.write(c -> outbox.claim(c, due, now.plus(settings.requestTimeout()).plusSeconds(1))))
                .compose(claimed -> {
                    List<Future<Void>> sends = new ArrayList<>();
                    claimed.forEach(message -> sends.add(handle(message)));
                    return Future.join(sends).transform(done -> Future.succeededFuture(claimed.size()));
                });
    }

    private Future<Void> handle(OutboxMessage message) {
        Instant now = clock.instant();
        if (message.expiresAt().isPresent() && !message.expiresAt().get().isAfter(now)) {
            expired.increment();
            return store.write(c -> {
                outbox.expired(c, message.id(), now);
                return null;
            });
        }
        return send(message).transform(sent -> {
            if (sent.succeeded()) {
                delivered.increment();
                return store.write(c -> {
                    outbox.delivered(c, message.id(), clock.instant());
                    return null;
                });
            }
            return failed(message, sent.cause());
        });
    }

    private Future<Void> send(OutboxMessage message) {
        if (OutboxMessage.DEVICE.equals(message.kind())) {
            int slash = message.destination().indexOf('/');
            Decoded<Action> action = CODEC.decode(message.payload().getBytes(StandardCharsets.UTF_8), Action.class);
            if (slash < 1 || !action.isAccepted()) {
                return Future.failedFuture(new PermanentFailure("undeliverable device message"));
            }
            return devices.sendAction(message.destination().substring(0, slash),
                    message.destination().substring(slash + 1), action.orElseThrow());
        }
        if (OutboxMessage.WEBHOOK.equals(message.kind())) {
            if (settings.webhookUrl().isEmpty()) {
                return Future.failedFuture(new IllegalStateException("no webhook URL is configured"));
            }
            long timestamp = clock.instant().getEpochSecond();
            return http.postAbs(settings.webhookUrl().get().toString())
                    .timeout(settings.requestTimeout().toMillis())
                    .putHeader("content-type", "application/json")
                    .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .putHeader(WebhookSignature.SIGNATURE, signature.sign(timestamp, message.payload()))
                    .putHeader(WebhookSignature.IDEMPOTENCY_KEY, message.idempotencyKey())
                    .sendBuffer(Buffer.buffer(message.payload()))
                    .compose(response -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                            : Future.failedFuture("HTTP " + response.statusCode()));
        }
        return Future.failedFuture(new PermanentFailure("unknown destination kind " + message.kind()));
    }

    private Future<Void> failed(OutboxMessage message, Throwable cause) {
        int attempts = message.attempts() + 1;
        String error = String.valueOf(cause.getMessage());
        if (attempts >= settings.maxAttempts() || cause instanceof PermanentFailure) {
            dead.increment();
            LOG.log(Level.WARNING, "outbox message " + message.id() + " dead after " + attempts + " attempts: "
                    + error);
            return store.write(c -> {
                outbox.dead(c, message.id(), attempts, error);
                return null;
            });
        }
        retries.increment();
        Instant next = clock.instant().plus(backoff(attempts));
        return store.write(c -> {
            outbox.retryAt(c, message.id(), attempts, error, next);
            return null;
        });
    }

    /** base x 2^(attempts-1), capped, with jitter in [half, full] so failed receivers are not hit in step. */
    Duration backoff(int attempts) {
        long base = settings.baseDelay().toMillis();
        long full = Math.min(settings.maxDelay().toMillis(), base << Math.min(30, attempts - 1));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    /** Stops polling; messages in flight finish or are retried after their lease by the next drainer. */
    @Override
    public void close() {
        closed = true;
        if (wakeUps != null) {
            wakeUps.unregister();
        }
        vertx.cancelTimer(timer);
        http.close();
    }

    /** A message that can never be delivered: dead at once. */
    private static final class PermanentFailure extends RuntimeException {
        PermanentFailure(String message) {
            super(message, null, false, false);
        }
    }
}
