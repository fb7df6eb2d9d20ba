package dev.waymark.protocol;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Makes ULIDs from an injected clock and random generator. Monotonic: within one millisecond, or when the clock
 * steps back, the next ULID is the previous one plus one, so ids from one generator always increase. Thread-safe.
 */
public final class UlidGenerator {

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private int lastHigh;
    private long lastLow;

    /** A generator reading {@code clock} and drawing from {@code random}; neither may be null. */
    public UlidGenerator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The next ULID; throws IllegalStateException when the clock reads before 1970 or after year 10889. */
    public synchronized Ulid next() {
        long now = clock.millis();
        if (now < 0 || now >= (1L << 48)) {
            throw new IllegalStateException("clock reads outside the ULID range: " + now);
        }
        if (now > lastMillis) {
            lastMillis = now;
            lastHigh = random.nextInt() & 0xFFFF;
            lastLow = random.nextLong();
        } else {
            increment();
        }
        return Ulid.of(lastMillis, lastHigh, lastLow);
    }

    private void increment() {
        lastLow++;
        if (lastLow == 0) {
            lastHigh = (lastHigh + 1) & 0xFFFF;
            if (lastHigh == 0) {
                // All 80 random bits overflowed: borrow the next millisecond rather than repeat an id.
                lastMillis++;
            }
        }
    }
}
