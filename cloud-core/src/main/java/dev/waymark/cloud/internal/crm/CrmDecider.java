package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.decision.Decider;
import dev.waymark.cloud.internal.decision.Trigger;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The stream's decider with the CRM told, in the same transaction: each decision made gives a
 * {@link CrmMessage#DECISION} activity, each outcome an {@link CrmMessage#OUTCOME} one, and each journey completion
 * intent (the intent with a {@code journey} attribute) a {@link CrmMessage#JOURNEY_COMPLETED} one. Deciding itself
 * is the delegate's.
 */
final class CrmDecider implements Decider {

    private static final String OUTCOME_PREFIX = "wm.outcome.";

    private final Decider delegate;
    private final CrmFeed feed;
    private final EventCodec codec = EventCodec.create();

    CrmDecider(Decider delegate, CrmFeed feed) {
        this.delegate = delegate;
        this.feed = feed;
    }

    @Override
    public List<JsonObject> onIntent(Connection c, Trigger trigger) throws SQLException {
        List<JsonObject> live = delegate.onIntent(c, trigger);
        if (!feed.sends()) {
            return live;
        }
        if (trigger.intent().attributes().containsKey("journey")) {
            JsonObject data = new JsonObject(new LinkedHashMap<>(trigger.intent().attributes()))
                    .put("intent", trigger.intent().name());
            feed.publish(c, new CrmMessage("journey:" + trigger.intent().sourceEventId() + ":"
                    + trigger.intent().name(), CrmMessage.JOURNEY_COMPLETED, trigger.profileId(),
                    trigger.intent().at(), data));
        }
        JsonArray actions = new JsonArray();
        live.stream().filter(item -> "action".equals(item.getString("kind")))
                .forEach(item -> actions.add(item.getString("type")));
        for (JsonObject item : live) {
            if ("decision".equals(item.getString("kind"))) {
                String decisionId = item.getString("id");
                JsonObject data = new JsonObject().put("decisionId", decisionId)
                        .put("intent", trigger.intent().name()).put("channel", trigger.channel().wireName())
                        .put("actions", actions);
                trigger.storeId().ifPresent(store -> data.put("storeId", store));
                feed.publish(c, new CrmMessage("decision:" + decisionId, CrmMessage.DECISION, trigger.profileId(),
                        trigger.now(), data));
            }
        }
        return live;
    }

    @Override
    public List<JsonObject> onOutcome(Connection c, String profileId, CloudEvent outcome) throws SQLException {
        List<JsonObject> live = delegate.onOutcome(c, profileId, outcome);
        if (!feed.sends() || !outcome.type().startsWith(OUTCOME_PREFIX)) {
            return live;
        }
        JsonObject data = new JsonObject(new String(codec.encode(outcome), StandardCharsets.UTF_8))
                .getJsonObject("data", new JsonObject());
        String decisionId = data.getString("decisionId");
        String actionId = data.getString("actionId");
        if (decisionId == null || actionId == null) {
            return live;
        }
        String kind = outcome.type().substring(OUTCOME_PREFIX.length());
        JsonObject details = new JsonObject().put("decisionId", decisionId).put("actionId", actionId)
                .put("kind", kind);
        if (data.containsKey("value")) {
            details.put("value", data.getValue("value"));
        }
        feed.publish(c, new CrmMessage("outcome:" + decisionId + ":" + actionId + ":" + kind, CrmMessage.OUTCOME,
                profileId, outcome.time(), details));
        return live;
    }

    @Override
    public Optional<String> ownerOf(Connection c, CloudEvent outcome) throws SQLException {
        return delegate.ownerOf(c, outcome);
    }
}
