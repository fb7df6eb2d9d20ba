package dev.waymark.decision;

import java.util.Objects;

/**
 * The stable holdout: a key falls in the control group when SHA-256(salt + ":" + holdoutKey), read as a number,
 * lands in the first {@code percent} of 10,000 buckets. Changing the salt reshuffles everyone, so keep it per
 * programme.
 *
 * @param percent share of keys held out, 0 to 100 in steps of 0.01
 * @param salt    mixed into the hash
 */
public record ControlGroupPolicy(double percent, String salt) {

    public ControlGroupPolicy {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent: must be within 0..100, got " + percent);
        }
        Objects.requireNonNull(salt, "salt");
    }

    /** No control group. */
    public static ControlGroupPolicy none() {
        return new ControlGroupPolicy(0, "waymark");
    }
}
