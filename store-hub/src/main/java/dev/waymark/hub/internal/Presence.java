package dev.waymark.hub.internal;

import dev.waymark.hub.DevicePresence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Who is connected, when each device was last seen and how far its clock is off the hub's. Thread-safe. */
public final class Presence {

    private final Clock clock;
    private final Map<String, DevicePresence> devices = new ConcurrentHashMap<>();

    /** A tracker on the hub's clock. */
    public Presence(Clock clock) {
        this.clock = clock;
    }

    void connected(String deviceId) {
        Instant now = clock.instant();
        devices.compute(deviceId, (id, old) -> new DevicePresence(id, true, now,
                old == null ? Optional.empty() : old.skew()));
    }

    void disconnected(String deviceId) {
        Instant now = clock.instant();
        devices.computeIfPresent(deviceId, (id, old) -> new DevicePresence(id, false, now, old.skew()));
    }

    /** A publish arrived; a status heartbeat carries the device's clock. */
    void seen(String deviceId, Optional<Instant> deviceTime) {
        Instant now = clock.instant();
        devices.compute(deviceId, (id, old) -> new DevicePresence(id, true, now,
                deviceTime.map(time -> Duration.between(now, time))
                        .or(() -> old == null ? Optional.empty() : old.skew())));
    }

    /** Every device seen, sorted by id. */
    public List<DevicePresence> snapshot() {
        return devices.values().stream().sorted((a, b) -> a.deviceId().compareTo(b.deviceId())).toList();
    }
}
