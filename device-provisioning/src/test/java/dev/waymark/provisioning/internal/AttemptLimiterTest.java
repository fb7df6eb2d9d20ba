package dev.waymark.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AttemptLimiter underTest = new AttemptLimiter(3, Duration.ofMinutes(15), clock);

    @Test
    void isBlocked_afterMaxFailures_onlyForThatCaller() {
        for (int i = 0; i < 2; i++) {
            underTest.failed("10.0.0.1");
        }
        assertThat(underTest.isBlocked("10.0.0.1")).isFalse();

        underTest.failed("10.0.0.1");

        assertThat(underTest.isBlocked("10.0.0.1")).isTrue();
        assertThat(underTest.isBlocked("10.0.0.2")).isFalse();
    }

    @Test
    void isBlocked_liftsWhenFailuresLeaveTheWindow() {
        for (int i = 0; i < 3; i++) {
            underTest.failed("10.0.0.1");
        }

        now.set(now.get().plus(Duration.ofMinutes(15)).plusMillis(1));

        assertThat(underTest.isBlocked("10.0.0.1")).isFalse();
    }
}
