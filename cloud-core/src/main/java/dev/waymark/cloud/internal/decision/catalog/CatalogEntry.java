package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.decision.ActionDefinition;
import java.util.Objects;

/**
 * One action of the catalog as the cloud keeps it: the engine's definition plus what a device displays.
 *
 * @param definition the engine's action (rules, channels, value, time to live, ...)
 * @param title      the headline shown to the customer
 * @param body       the text under it (may be empty)
 * @param currency   ISO 4217 code of the action's value when sent as a protocol {@code Action}
 */
public record CatalogEntry(ActionDefinition definition, String title, String body, String currency) {

    public CatalogEntry {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(currency, "currency");
    }

    /** The action's id. */
    public String id() {
        return definition.id();
    }
}
