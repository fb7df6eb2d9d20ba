package dev.waymark.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed topic of the {@code wm/v1/} tree. Build one with the {@link Topics} builders or {@link Topics#parse}.
 *
 * @param kind     which topic
 * @param storeId  the store segment
 * @param deviceId the device segment; empty exactly for the store-wide kinds ({@link TopicKind#BUNDLE},
 *                 {@link TopicKind#LINK})
 */
public record Topic(TopicKind kind, String storeId, Optional<String> deviceId) {

    /** Validates the ids and that a device is present exactly when the kind is per device. */
    public Topic {
        Objects.requireNonNull(kind, "kind");
        Topics.requireSegment("store id", storeId);
        Objects.requireNonNull(deviceId, "deviceId");
        deviceId.ifPresent(id -> Topics.requireSegment("device id", id));
        if (kind.perDevice() != deviceId.isPresent()) {
            throw new IllegalArgumentException(kind.segment() + " topic " + (kind.perDevice() ? "needs" : "takes no")
                    + " device id");
        }
    }

    /** The topic name, e.g. {@code wm/v1/s/store-1/d/kiosk-7/events}. */
    public String name() {
        String store = Topics.ROOT + "s/" + storeId + "/";
        return deviceId.map(d -> store + "d/" + d + "/" + kind.segment()).orElse(store + kind.segment());
    }

    @Override
    public String toString() {
        return name();
    }
}
