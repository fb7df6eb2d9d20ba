package dev.waymark.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void devicePresence_equalsAndHashCode_followValues() {
        DevicePresence a = new DevicePresence("kiosk-1", true, T, Optional.of(Duration.ofSeconds(2)));
        DevicePresence b = new DevicePresence("kiosk-1", true, T, Optional.of(Duration.ofSeconds(2)));
        DevicePresence c = new DevicePresence("kiosk-1", false, T, Optional.empty());

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void devicePresence_badDeviceId_isRejectedNamingIt() {
        assertThatThrownBy(() -> new DevicePresence("kiosk/1", true, T, Optional.empty()))
                .hasMessageContaining("deviceId");
    }

    @Test
    void hubStatus_equalsAndHashCode_followValues() {
        HubStatus a = status(3);
        HubStatus b = status(3);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(status(4));
    }

    private static HubStatus status(long depth) {
        return new HubStatus("store-1", "hub-1", T, true, depth,
                List.of(new DevicePresence("kiosk-1", true, T, Optional.empty())), 1, 2, 3, 4, 5, 6, 7);
    }
}
