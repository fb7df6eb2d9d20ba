package dev.waymark.edge.internal;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/** Captures the agent makes itself: the impression of an action it put on a screen. */
final class OutcomeJson {

    // Json.createObjectBuilder looks the provider up through ServiceLoader on every call; look it up once.
    private static final JsonProvider JSON = JsonProvider.provider();

    private OutcomeJson() {
    }

    static JsonObject impression(String actionId, String decisionId, String placement) {
        return JSON.createObjectBuilder().add("type", "wm.outcome.impression")
                .add("data", JSON.createObjectBuilder().add("actionId", actionId).add("decisionId", decisionId)
                        .add("placement", placement))
                .build();
    }
}
