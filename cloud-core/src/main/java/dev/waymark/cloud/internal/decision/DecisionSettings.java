package dev.waymark.cloud.internal.decision;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Settings of the triggered path, from the {@code decisions} section of {@code cloud.json}.
 *
 * @param kioskTriggerMaxAge how old a kiosk's trigger may be, from its capture on the kiosk's clock to the cloud's
 *                           decision, for the cloud to decide it ({@value #KIOSK_TRIGGER_MAX_AGE}, ISO-8601, default
 *                           {@code PT60S}). An older one waited in a buffer while the kiosk or its store was offline:
 *                           the kiosk decided it locally, and whoever stands at the kiosk now may be someone else.
 */
public record DecisionSettings(Duration kioskTriggerMaxAge) {

    public static final String KIOSK_TRIGGER_MAX_AGE = "decisions.kioskTriggerMaxAge";

    /** The defaults. */
    public static final DecisionSettings DEFAULTS = new DecisionSettings(Duration.ofSeconds(60));

    /** Validates; throws IllegalArgumentException naming the key. */
    public DecisionSettings {
        if (kioskTriggerMaxAge == null || kioskTriggerMaxAge.isNegative() || kioskTriggerMaxAge.isZero()) {
            throw new IllegalArgumentException(KIOSK_TRIGGER_MAX_AGE + ": must be a positive duration");
        }
    }

    /** Reads the keys above from the flat settings; throws IllegalArgumentException naming a bad key. */
    public static DecisionSettings from(JsonObject flat) {
        Object value = flat.getValue(KIOSK_TRIGGER_MAX_AGE);
        if (value == null) {
            return DEFAULTS;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(KIOSK_TRIGGER_MAX_AGE + ": must be an ISO-8601 duration such as PT60S");
        }
        try {
            return new DecisionSettings(Duration.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(KIOSK_TRIGGER_MAX_AGE + ": must be an ISO-8601 duration such as PT60S");
        }
    }
}
