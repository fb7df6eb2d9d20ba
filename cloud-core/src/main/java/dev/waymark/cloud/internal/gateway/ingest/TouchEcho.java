package dev.waymark.cloud.internal.gateway.ingest;

import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.event.ServiceRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The limit of {@code waymark bench e2e} ({@code gateway.echo}): instead of the pipeline, every service request
 * ({@code wm.kiosk.service_request}, the bench's touch that expects an action) is answered at once with an action
 * sent through the same {@link DeviceChannel} to the device that captured it, as the outbox sends a decided one;
 * every other event is dropped. Nothing is stored. Counted as {@code wm.gateway.echo.events} (every event taken)
 * and {@code wm.gateway.echoed} (actions sent).
 */
final class TouchEcho {

    /** The action the echo sends, so a bench can tell it from a decided one. */
    static final String ACTION_ID = "echo";
    /** The placement a triggered kiosk decision fills (docs/decisions-api.md). */
    static final String PLACEMENT = "kiosk-offer";
    /** The catalog's default time to live of an action, counted from the capture as the pipeline does. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(TouchEcho.class.getName());

    private final DeviceChannel channel;
    private final Clock clock;
    private final Counter taken;
    private final Counter echoed;
    private final Counter failed;

    TouchEcho(DeviceChannel channel, MeterRegistry meters, Clock clock) {
        this.channel = channel;
        this.clock = clock;
        this.taken = Counter.builder("wm.gateway.echo.events").description("events the echo took and did not store")
                .register(meters);
        this.echoed = Counter.builder("wm.gateway.echoed").description("service requests answered by the echo")
                .register(meters);
        this.failed = Counter.builder("wm.gateway.echo.failed").description("echo actions not sent")
                .register(meters);
    }

    /**
     * Sends one action per service request among {@code events}; completes once the broker acknowledged each of
     * them. Never fails: an action that could not be sent (expired, broker gone) is counted and logged.
     */
    Future<Void> answer(List<CloudEvent> events) {
        taken.increment(events.size());
        List<Future<Void>> sent = new ArrayList<>();
        for (CloudEvent event : events) {
            if (event.data() instanceof ServiceRequest) {
                sent.add(send(event));
            }
        }
        return sent.isEmpty() ? Future.succeededFuture() : Future.join(sent).<Void>mapEmpty().otherwiseEmpty();
    }

    private Future<Void> send(CloudEvent event) {
        Source source = event.parsedSource();
        Instant now = clock.instant();
        Instant expiresAt = event.time().plus(TIME_TO_LIVE);
        if (!expiresAt.isAfter(now)) {
            failed.increment();
            return Future.succeededFuture();
        }
        Action action = new Action(ACTION_ID, "echo-" + event.id(), ActionKind.HELP, PLACEMENT, "echo", "", 0,
                "EUR", now, expiresAt);
        return channel.sendAction(source.storeId().orElseThrow(), source.deviceId().orElseThrow(), action)
                .onSuccess(done -> echoed.increment())
                .onFailure(failure -> {
                    failed.increment();
                    LOG.fine("echo action not sent: " + failure.getMessage());
                });
    }
}
