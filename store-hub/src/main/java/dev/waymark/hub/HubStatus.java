package dev.waymark.hub;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a running hub, as served on {@code GET /v1/status} and published upstream.
 *
 * @param storeId          the store
 * @param hubId            the hub's device id
 * @param time             the hub's clock when taken
 * @param linkUp           connected to the upstream broker
 * @param bufferDepth      messages in the hub outbox not yet acknowledged upstream
 * @param devices          presence of every device seen since start, by id
 * @param accepted         kiosk publishes committed and acknowledged
 * @param rejected         kiosk publishes rejected (foreign source, invalid event)
 * @param refusedFull      kiosk publishes refused (outbox full or commit failed); the kiosk keeps them
 * @param refusedConnects  connections refused (no or bad certificate, wrong client id, revoked)
 * @param forwarded        messages acknowledged upstream
 * @param upstreamRefusals upstream PUBACKs at or above 0x80
 * @param brokerDrops      messages the local broker's queues discarded (its {@code messages.dropped} metric)
 */
public record HubStatus(String storeId, String hubId, Instant time, boolean linkUp, long bufferDepth,
                        List<DevicePresence> devices, long accepted, long rejected, long refusedFull,
                        long refusedConnects, long forwarded, long upstreamRefusals, long brokerDrops) {

    /** Copies the list; throws NullPointerException naming a missing field. */
    public HubStatus {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(time, "time");
        devices = List.copyOf(devices);
    }
}
