package dev.waymark.cloud.internal.decision.outbox;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.LiveFeed;
import dev.waymark.cloud.internal.gateway.DeviceChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox at least once: polls due messages, claims them, hands each to the {@link Connector} of its
 * kind (device actions through the {@link DeviceChannel}, web/app actions as signed HTTP POSTs, and whatever kinds
 * are {@link #connect connected}, such as the CRM's), marks each delivered, retries failures with exponential
 * backoff and jitter (at least a receiver's {@code Retry-After}), dead-letters a message after the last attempt or
 * a permanent failure and never sends an expired one.
 * It polls every {@code outbox.pollMs} when idle, and at once when the live feed ({@link LiveFeed}) announces an
 * action, which the pipeline publishes after the transaction that queued it has committed. Once a minute it deletes
 * messages finished (delivered or expired) longer than {@code outbox.keepFinishedMs} ago.
 * Meters: {@code wm.outbox.lag} (ms, gauge), {@code wm.outbox.delivered}, {@code .retries}, {@code .dead},
 * {@code .expired} (counters).
 */
public final class OutboxDrainer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());
    private static final int BATCH = 100;
    private static final int PRUNE_BATCH = 1000;
    private static final long PRUNE_EVERY_MS = 60_000;

    private final Vertx vertx;
    private final Store store;
    private final Outbox outbox;
    private final OutboxSettings settings;
    private final Clock clock;
    private final WebClient http;
    private final Map<String, Connector> connectors = new ConcurrentHashMap<>();
    private final AtomicLong lag = new AtomicLong();
    private final Counter delivered;
    private final Counter retries;
    private final Counter dead;
    private final Counter expired;
    private volatile boolean closed;
    private volatile long timer = -1;
    private long pruner = -1;
    private final AtomicBoolean idle = new AtomicBoolean();
    private MessageConsumer<JsonObject> wakeUps;

    /** A drainer; call {@link #start()}. */
    public OutboxDrainer(Vertx vertx, Store store, Outbox outbox, DeviceChannel devices, OutboxSettings settings,
            MeterRegistry meters, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.http = WebClient.create(vertx);
        connectors.put(OutboxMessage.DEVICE, new DeviceConnector(devices));
        connectors.put(OutboxMessage.WEBHOOK, new ActionWebhook(http, settings, clock));
        Gauge.builder("wm.outbox.lag", lag, AtomicLong::get).baseUnit("milliseconds")
                .description("age of the oldest undelivered outbox message").register(meters);
        this.delivered = meters.counter("wm.outbox.delivered");
        this.retries = meters.counter("wm.outbox.retries");
        this.dead = meters.counter("wm.outbox.dead");
        this.expired = meters.counter("wm.outbox.expired");
    }

    /** Adds (or replaces) the connector of {@code kind}; call before {@link #start()}. */
    public void connect(String kind, Connector connector) {
        connectors.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(connector, "connector"));
    }

    /** Starts polling, and listening for queued actions. */
    public void start() {
        wakeUps = vertx.eventBus().localConsumer(LiveFeed.ADDRESS, item -> {
            if ("action".equals(item.body().getString("kind"))) {
                wake();
            }
        });
        schedule(1);
        pruner = vertx.setPeriodic(PRUNE_EVERY_MS, id -> pruneOnce().onFailure(e -> {
            if (!closed) {
                LOG.log(Level.WARNING, "outbox prune failed: " + e.getMessage());
            }
        }));
    }

    /**
     * Deletes the messages finished longer than {@code keepFinished} ago, a thousand per transaction so a long
     * backlog never holds the store's writer for long; completes with how many.
     */
    public Future<Integer> pruneOnce() {
        return pruneFrom(clock.instant().minus(settings.keepFinished()), 0);
    }

    private Future<Integer> pruneFrom(Instant before, int sofar) {
        return store.write(c -> outbox.prune(c, before, PRUNE_BATCH)).compose(deleted -> deleted < PRUNE_BATCH
                || closed ? Future.succeededFuture(sofar + deleted) : pruneFrom(before, sofar + deleted));
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
                    if (done.failed() && !closed) {
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
        Connector connector = connectors.get(message.kind());
        if (connector == null) {
            return Future.failedFuture(DeliveryFailure.permanent("unknown destination kind " + message.kind()));
        }
        try {
            return connector.send(message);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Void> failed(OutboxMessage message, Throwable cause) {
        int attempts = message.attempts() + 1;
        String error = String.valueOf(cause.getMessage());
        Optional<DeliveryFailure> told = cause instanceof DeliveryFailure f ? Optional.of(f) : Optional.empty();
        if (attempts >= settings.maxAttempts() || told.filter(DeliveryFailure::isPermanent).isPresent()) {
            dead.increment();
            LOG.log(Level.WARNING, "outbox message " + message.id() + " dead after " + attempts + " attempts: "
                    + error);
            return store.write(c -> {
                outbox.dead(c, message.id(), attempts, error);
                return null;
            });
        }
        retries.increment();
        Duration delay = backoff(attempts);
        Optional<Duration> asked = told.flatMap(DeliveryFailure::retryAfter);
        if (asked.isPresent() && asked.get().compareTo(delay) > 0) {
            delay = asked.get().compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : asked.get();
        }
        Instant next = clock.instant().plus(delay);
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
        vertx.cancelTimer(pruner);
        http.close();
    }
}
