package dev.waymark.edge.internal;

import dev.waymark.decision.CandidateTrace;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.ScoreParts;
import dev.waymark.decision.SelectedAction;
import dev.waymark.protocol.Channel;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Locale;

/**
 * An offline decision as {@code GET /v1/decisions/{id}} answers it, in the shape of the cloud API's decision
 * (docs/decisions-api.md): {@code decisionId, decidedBy "edge", mode, intent, channel, placement, madeAt,
 * bundleVersion, controlGroup, chosen, wouldBe, explanation {segment, controlGroup, candidates [{actionId, selected,
 * removedAt, reason, score {propensity, value, weight, score}, channel}], wouldBe}}}. No shopper key is written.
 */
final class EdgeDecisionJson {

    // Json.createObjectBuilder looks the provider up through ServiceLoader on every call; look it up once.
    private static final JsonProvider JSON = JsonProvider.provider();

    private EdgeDecisionJson() {
    }

    static String of(DecisionResult result, String intent, String placement, long bundleVersion) {
        boolean controlGroup = result.explanation().controlGroup();
        return JSON.createObjectBuilder()
                .add("decisionId", result.decisionId())
                .add("decidedBy", "edge")
                .add("mode", result.mode().name().toLowerCase(Locale.ROOT))
                .add("intent", intent)
                .add("channel", Channel.KIOSK.wireName())
                .add("placement", placement)
                .add("madeAt", result.decidedAt().toString())
                .add("bundleVersion", bundleVersion)
                .add("controlGroup", controlGroup)
                .add("chosen", ids(result.actions()))
                .add("wouldBe", ids(result.explanation().wouldBe()))
                .add("explanation", explanation(result))
                .build().toString();
    }

    private static JsonObject explanation(DecisionResult result) {
        JsonArrayBuilder candidates = JSON.createArrayBuilder();
        for (CandidateTrace trace : result.explanation().candidates()) {
            JsonObjectBuilder candidate = JSON.createObjectBuilder().add("actionId", trace.actionId())
                    .add("selected", trace.selected());
            trace.removedAt().ifPresent(stage -> candidate.add("removedAt", stage.name().toLowerCase(Locale.ROOT))
                    .add("reason", trace.reason()));
            trace.score().ifPresent(score -> candidate.add("score", score(score)));
            trace.channel().ifPresent(channel -> candidate.add("channel", channel.wireName()));
            candidates.add(candidate);
        }
        return JSON.createObjectBuilder().add("segment", result.explanation().segment())
                .add("controlGroup", result.explanation().controlGroup())
                .add("candidates", candidates)
                .add("wouldBe", ids(result.explanation().wouldBe()))
                .build();
    }

    private static JsonArrayBuilder ids(List<SelectedAction> actions) {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        actions.forEach(action -> ids.add(action.actionId()));
        return ids;
    }

    private static JsonObject score(ScoreParts parts) {
        return JSON.createObjectBuilder().add("propensity", parts.propensity()).add("value", parts.value())
                .add("weight", parts.weight()).add("score", parts.score()).build();
    }
}
