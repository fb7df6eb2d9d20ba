package dev.waymark.cloud.internal.gateway.ingest;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.cloud.internal.gateway.GatewaySettings;
import dev.waymark.cloud.internal.gateway.mqtt.BrokerEndpoint;
import dev.waymark.cloud.internal.gateway.mqtt.DurableSubscriber;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.TopicKind;
import dev.waymark.protocol.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Consumes hub traffic from the gateway broker — on an external broker as a member of the shared subscription
 * {@code $share/{shareGroup}/wm/v1/s/+/d/+/events}, on the embedded one with a plain subscription to
 * {@code wm/v1/s/+/d/+/events} (QoS 1, durable session, manual acknowledgements either way) — and appends
 * every event to the {@link EventLog}, keyed by its source. A message is acknowledged to the broker only once its
 * events are durable in the log (DESIGN.md section 4); until then the broker keeps it and redelivers it after a
 * reconnect, so a crash loses nothing and may duplicate (the pipeline drops duplicates by source and id). Arrival
 * order means nothing here: shared subscriptions split a device's stream across replicas, and its sequence number
 * orders it. Refused input is counted ({@code wm.gateway.rejected}, tag {@code reason}), logged without its
 * contents and acknowledged, so it is not redelivered forever.
 *
 * <p>With {@code gateway.echo} (for {@code waymark bench e2e} only) nothing reaches the log: a {@link TouchEcho}
 * answers each service request through the {@link DeviceChannel}, and the message is acknowledged once the
 * answers are sent.
 */
public final class DeviceIngest {

    private static final Logger LOG = Logger.getLogger(DeviceIngest.class.getName());
    private static final long FIRST_RETRY_MS = 100;
    private static final long MAX_RETRY_MS = 10_000;

    private final Vertx vertx;
    private final EventLog log;
    private final MeterRegistry meters;
    private final Counter accepted;
    private final UplinkReader reader = new UplinkReader();
    private final DurableSubscriber subscriber;
    private final Optional<TouchEcho> echo;

    /**
     * An ingest for {@code settings.clientId()} on {@code endpoint}, appending to {@code log} (or answering through
     * {@code channel} with {@code gateway.echo}); nothing connects before {@link #start}.
     */
    public DeviceIngest(Vertx vertx, EventLog log, DeviceChannel channel, MeterRegistry meters,
                        BrokerEndpoint endpoint, GatewaySettings settings) {
        this.vertx = vertx;
        this.log = log;
        this.meters = meters;
        this.echo = settings.echo()
                ? Optional.of(new TouchEcho(channel, meters, Clock.systemUTC())) : Optional.empty();
        this.accepted = Counter.builder("wm.gateway.events").description("events appended to the event log")
                .register(meters);
        this.subscriber = new DurableSubscriber(vertx, endpoint, settings.clientId(), settings.inflight(),
                filter(settings), this::arrived);
    }

    /**
     * The shared subscription of all replicas on an external broker; on the embedded broker, which lives in this
     * replica, a plain durable subscription: HiveMQ CE stops feeding a QoS 1 shared-subscription member under load
     * and after a restart (hivemq-community-edition#558), while a plain subscription resumes its session.
     */
    static String filter(GatewaySettings settings) {
        return settings.embedded() ? Topics.allDevicesFilter(TopicKind.EVENTS)
                : Topics.shared(settings.shareGroup(), TopicKind.EVENTS);
    }

    /** Connects and subscribes; completes after the first subscription, and keeps reconnecting after that. */
    public Future<Void> start() {
        return subscriber.start();
    }

    /** Disconnects; what was not yet acknowledged stays with the broker for the next start. */
    public Future<Void> stop() {
        return subscriber.stop();
    }

    // Runs on Paho's callback thread: decoding here also paces the broker, whose window is the receive maximum.
    private void arrived(DurableSubscriber.Delivery delivery, String topic, MqttMessage message) {
        UplinkReader.Verdict verdict;
        try {
            verdict = reader.read(topic, message.getPayload());
        } catch (RuntimeException e) {
            // the codec promises not to throw; should it ever, the message is refused, not the ingest stopped
            verdict = UplinkReader.Verdict.refused(UplinkReader.INVALID,
                    Rejection.of("$", "unreadable: " + e.getClass().getSimpleName()));
        }
        if (verdict.refusal().isPresent()) {
            UplinkReader.Refusal refusal = verdict.refusal().get();
            meters.counter("wm.gateway.rejected", "reason", refusal.reason()).increment();
            // Never the payload, and not a topic we could not parse: field and reason only.
            String where = refusal.reason().equals(UplinkReader.TOPIC) ? "an unexpected topic" : topic;
            LOG.info("refused a message on " + where + ": " + refusal.reason() + " at field "
                    + refusal.rejection().field());
            delivery.acknowledge();
            return;
        }
        if (echo.isPresent()) {
            echo.get().answer(verdict.events()).onComplete(sent -> delivery.acknowledge());
            return;
        }
        append(verdict.entries(), delivery, 0);
    }

    private void append(List<EventLog.Entry> entries, DurableSubscriber.Delivery delivery, int attempt) {
        log.append(entries).onComplete(result -> {
            if (result.succeeded()) {
                accepted.increment(entries.size());
                delivery.acknowledge();
            } else if (subscriber.running()) {
                long ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS << Math.min(attempt, 10));
                long delay = 1 + ThreadLocalRandom.current().nextLong(ceiling);
                if (attempt == 0) {
                    LOG.warning("event log append failed, retrying until it is durable: " + result.cause());
                }
                vertx.setTimer(delay, id -> append(entries, delivery, attempt + 1));
            }
        });
    }
}
