package dev.waymark.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.hub.support.Events;
import dev.waymark.protocol.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UplinkCheckTest {

    private final UplinkCheck underTest = new UplinkCheck(EventCodec.create());
    private final DeviceIdentity kiosk = new DeviceIdentity("store-1", "kiosk-1");

    @Test
    void events_batchOfOwnSource_isAccepted() {
        assertThat(underTest.events(kiosk, Events.batch("store-1", "kiosk-1", 0, 3)).isAccepted()).isTrue();
    }

    @Test
    void events_anotherDevicesSource_isRejectedNamingSource() {
        UplinkCheck.Verdict verdict = underTest.events(kiosk, Events.batch("store-1", "kiosk-2", 0, 2));

        assertThat(verdict.isAccepted()).isFalse();
        assertThat(verdict.rejection().orElseThrow().field()).isEqualTo("[0].source");
    }

    @Test
    void events_anotherStoresSource_isRejected() {
        assertThat(underTest.events(kiosk, Events.batch("store-2", "kiosk-1", 0, 1)).isAccepted()).isFalse();
    }

    @Test
    void events_notAnEvent_isRejectedWithTheCodecsReason() {
        UplinkCheck.Verdict verdict = underTest.events(kiosk, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(verdict.isAccepted()).isFalse();
        assertThat(verdict.rejection().orElseThrow().field()).isNotBlank();
    }

    @Test
    void status_ownHeartbeat_yieldsTheDeviceClock() {
        Instant deviceTime = Instant.parse("2026-11-23T09:00:05Z");

        UplinkCheck.Verdict verdict = underTest.status(kiosk, Events.status("store-1", "kiosk-1", deviceTime));

        assertThat(verdict.isAccepted()).isTrue();
        assertThat(verdict.deviceTime()).contains(deviceTime);
    }

    @Test
    void status_ofAnotherDevice_isRejected() {
        assertThat(underTest.status(kiosk, Events.status("store-1", "kiosk-9", Instant.now())).isAccepted())
                .isFalse();
    }
}
