package dev.waymark.protocol;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UlidTest {

    @Test
    void next_withFixedClock_isStrictlyIncreasingAndCarriesTheTime() {
        Instant now = Instant.parse("2026-11-23T09:15:02.123Z");
        UlidGenerator underTest = new UlidGenerator(Clock.fixed(now, ZoneOffset.UTC), new SplittableRandom(7));

        Ulid first = underTest.next();
        Ulid second = underTest.next();

        assertThat(second).isGreaterThan(first);
        assertThat(first.timestamp()).isEqualTo(now);
        assertThat(second.timestamp()).isEqualTo(now);
    }

    @Test
    void next_whenClockStepsBack_staysIncreasing() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:15:02Z"));
        UlidGenerator underTest = new UlidGenerator(clock, new SplittableRandom(1));
        Ulid before = underTest.next();

        clock.now = clock.now.minusSeconds(5);

        assertThat(underTest.next()).isGreaterThan(before);
    }

    @Test
    void next_withSameSeed_isReproducible() {
        Clock clock = Clock.fixed(Instant.EPOCH.plusSeconds(1), ZoneOffset.UTC);
        assertThat(new UlidGenerator(clock, new SplittableRandom(3)).next())
                .isEqualTo(new UlidGenerator(clock, new SplittableRandom(3)).next());
    }

    @Test
    void of_knownParts_givesTheKnownText() {
        assertThat(Ulid.of(0, 0, 0).value()).isEqualTo("00000000000000000000000000");
        assertThat(Ulid.of((1L << 48) - 1, 0xFFFF, -1L).value()).isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(Ulid.of(1, 0, 1).value()).isEqualTo("00000000010000000000000001");
    }

    @Test
    void parse_nonCanonicalText_throwsNamingTheValue() {
        assertThatThrownBy(() -> Ulid.parse("01jdq6y7c8m4v2k9zqw3t5n6pa"))
                .hasMessageContaining("01jdq6y7c8m4v2k9zqw3t5n6pa");
        assertThatThrownBy(() -> Ulid.parse("01JDQ6Y7C8M4V2K9ZQW3T5N6P")).hasMessageContaining("26 characters");
        assertThatThrownBy(() -> Ulid.parse("81JDQ6Y7C8M4V2K9ZQW3T5N6PA")).hasMessageContaining("overflows");
        assertThatThrownBy(() -> Ulid.parse("01JDQ6Y7C8M4V2K9ZQW3T5N6PU")).hasMessageContaining("Crockford");
        assertThat(Ulid.isValid(null)).isFalse();
    }

    @Property(tries = 300)
    void timestamp_ofBuiltUlid_isTheGivenMillis(@ForAll @LongRange(max = (1L << 48) - 1) long millis,
                                               @ForAll int high, @ForAll long low) {
        Ulid ulid = Ulid.of(millis, high, low);
        assertThat(ulid.timestamp().toEpochMilli()).isEqualTo(millis);
        assertThat(Ulid.parse(ulid.value())).isEqualTo(ulid);
    }

    @Property(tries = 300)
    void ordering_followsTimeThenRandomness(@ForAll @LongRange(max = (1L << 47)) long millis,
                                           @ForAll @LongRange(min = 1, max = 1000) long later, @ForAll long low) {
        assertThat(Ulid.of(millis + later, 0, 0)).isGreaterThan(Ulid.of(millis, 0xFFFF, low));
        if (low != -1L) {
            assertThat(Ulid.of(millis, 0, low + 1)).isGreaterThan(Ulid.of(millis, 0, low));
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
