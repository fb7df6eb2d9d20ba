package dev.waymark.hub.internal;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Topic;
import dev.waymark.protocol.TopicKind;
import dev.waymark.protocol.Topics;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The first link of the hub's acknowledgement chain (DESIGN.md section 4): a kiosk's publish on its own
 * {@code events} or {@code status} topic is checked ({@link UplinkCheck}), committed to the {@link HubOutbox}, and
 * only then released, so the broker's PUBACK to the kiosk means "durable on the hub". A rejected payload gets
 * PUBACK 0x87 (foreign source) or 0x99 (invalid event) and is counted; a full outbox gets 0x97 and a failed commit
 * 0x80, and the kiosk keeps the batch. Events are not routed inside the hub (no kiosk may read them); status
 * messages are, so the broker keeps each device's retained status.
 */
final class UplinkInterceptor implements PublishInboundInterceptor {

    private static final System.Logger LOG = System.getLogger(UplinkInterceptor.class.getName());
    // Far above a group commit (milliseconds) yet well below a kiosk's patience; on timeout the kiosk retries.
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(20);

    private final String storeId;
    private final UplinkCheck check;
    private final HubOutbox outbox;
    private final Presence presence;
    private final HubCounters counters;

    UplinkInterceptor(String storeId, UplinkCheck check, HubOutbox outbox, Presence presence, HubCounters counters) {
        this.storeId = storeId;
        this.check = check;
        this.outbox = outbox;
        this.presence = presence;
        this.counters = counters;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        try {
            String clientId = input.getClientInformation().getClientId();
            String topicName = input.getPublishPacket().getTopic();
            Decoded<Topic> topic = Topics.parse(topicName);
            DeviceIdentity device = new DeviceIdentity(storeId, clientId);
            boolean own = topic.acceptedValue().filter(t -> t.storeId().equals(storeId)
                    && t.deviceId().filter(clientId::equals).isPresent()
                    && (t.kind() == TopicKind.EVENTS || t.kind() == TopicKind.STATUS)).isPresent();
            if (!own) {
                return; // not ours to store: the broker's permissions decide (and refuse) it
            }
            byte[] payload = bytes(input.getPublishPacket().getPayload().orElse(ByteBuffer.allocate(0)));
            boolean events = topic.orElseThrow().kind() == TopicKind.EVENTS;
            UplinkCheck.Verdict verdict = events ? check.events(device, payload) : check.status(device, payload);
            presence.seen(clientId, verdict.deviceTime());
            if (!verdict.isAccepted()) {
                counters.rejected.incrementAndGet();
                String reason = verdict.rejection().orElseThrow().message();
                LOG.log(Level.INFO, "rejected a publish of " + clientId + ": " + reason);
                boolean foreign = verdict.rejection().orElseThrow().field().endsWith("source");
                output.preventPublishDelivery(foreign ? AckReasonCode.NOT_AUTHORIZED
                        : AckReasonCode.PAYLOAD_FORMAT_INVALID, clip(reason));
                return;
            }
            store(output, topicName, payload, input.getPublishPacket().getRetain(), clientId, events);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "uplink interceptor failed; refusing the publish", e);
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "hub error");
        }
    }

    private void store(PublishInboundOutput output, String topic, byte[] payload, boolean retained, String clientId,
                       boolean events) {
        Async<PublishInboundOutput> async = output.async(COMMIT_TIMEOUT, TimeoutFallback.FAILURE,
                AckReasonCode.UNSPECIFIED_ERROR, "hub outbox commit timed out");
        outbox.append(topic, payload, retained, clientId).whenComplete((ok, failure) -> {
            try {
                if (failure == null) {
                    counters.accepted.incrementAndGet();
                    if (events) {
                        output.preventPublishDelivery(AckReasonCode.SUCCESS);
                    }
                } else {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    boolean full = cause instanceof HubOutbox.Full;
                    counters.refusedFull.incrementAndGet();
                    if (!full) {
                        LOG.log(Level.WARNING, "hub outbox commit failed: " + cause);
                    }
                    output.preventPublishDelivery(full ? AckReasonCode.QUOTA_EXCEEDED
                            : AckReasonCode.UNSPECIFIED_ERROR, full ? "hub outbox full" : "hub outbox error");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "completing a publish failed", e);
            } finally {
                async.resume();
            }
        });
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.asReadOnlyBuffer();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    private static String clip(String reason) {
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }
}
