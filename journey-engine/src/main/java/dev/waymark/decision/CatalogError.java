package dev.waymark.decision;

import java.util.Objects;

/**
 * Why an action could not be compiled into a catalog.
 *
 * @param actionId the action's id (or its position, {@code "#3"}, when it has no usable id)
 * @param field    the offending field, e.g. {@code "eligibility"}
 * @param message  the reason, for a rule the CEL compiler's own message with line and column
 */
public record CatalogError(String actionId, String field, String message) {

    public CatalogError {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "action " + actionId + ", " + field + ": " + message;
    }
}
