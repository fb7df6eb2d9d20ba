package dev.waymark.privacy;

import java.util.Locale;
import java.util.Optional;

/**
 * A channel a consent record covers. {@link #ALL} is not a channel of its own: a record for ALL speaks for every
 * channel at once (see {@link ConsentLedger}). The wire names match {@code journey-engine}'s channels.
 */
public enum Channel {
    /** Every channel. */
    ALL,
    /** An in-store kiosk. */
    KIOSK,
    /** The retailer's web site. */
    WEB,
    /** The retailer's app, in the foreground. */
    APP,
    /** App push notifications. */
    PUSH,
    /** Text messages. */
    SMS,
    /** E-mail. */
    EMAIL;

    /** The lower-case name used on the wire ({@code "sms"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively; empty when it names no channel. */
    public static Optional<Channel> fromWireName(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equalsIgnoreCase(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
