package dev.waymark.cloud.internal.decision;

import dev.waymark.protocol.Channel;
import java.util.Map;

/**
 * The slot a triggered decision fills: per intent when configured, else per channel — {@code kiosk-offer} on a
 * kiosk, {@code web-banner} on the web, {@code app-banner} in the app, {@code <channel>-message} elsewhere.
 */
public final class IntentPlacements {

    private final Map<String, String> byIntent;

    /** Placements by intent name, overriding the channel defaults (empty for none). */
    public IntentPlacements(Map<String, String> byIntent) {
        this.byIntent = Map.copyOf(byIntent);
    }

    /** The defaults only. */
    public static IntentPlacements defaults() {
        return new IntentPlacements(Map.of());
    }

    /** The placement for {@code intent} on {@code channel}. */
    public String placementFor(Channel channel, String intent) {
        String configured = byIntent.get(intent);
        if (configured != null) {
            return configured;
        }
        return switch (channel) {
            case KIOSK -> "kiosk-offer";
            case WEB -> "web-banner";
            case APP -> "app-banner";
            default -> channel.wireName() + "-message";
        };
    }
}
