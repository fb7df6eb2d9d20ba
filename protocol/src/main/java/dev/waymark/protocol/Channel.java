package dev.waymark.protocol;

import java.util.Locale;
import java.util.Optional;

/** A channel an event comes through or an action is shown or sent on. */
public enum Channel {
    KIOSK, WEB, APP, PUSH, SMS, EMAIL;

    /**
     * True for channels that reach a customer who did not just ask (push, SMS, e-mail): quiet hours apply to them,
     * never to a shopper standing at a kiosk or browsing the web or app.
     */
    public boolean isOutbound() {
        return this == PUSH || this == SMS || this == EMAIL;
    }

    /** The lower-case name used in catalogs, consent records and CEL context ({@code "kiosk"}, {@code "sms"}). */
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
