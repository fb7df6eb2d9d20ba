package dev.waymark.cloud.internal.decision;

import dev.waymark.decision.CandidateTrace;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.ScoreParts;
import dev.waymark.decision.SelectedAction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of a decision's explanation: {@code {"segment", "controlGroup", "candidates": [{"actionId",
 * "selected", "removedAt", "reason", "score": {"propensity", "value", "weight", "score"}, "channel"}],
 * "wouldBe": [...]}}; a host-side {@code note} says why nothing was sent when the pipeline was not the reason.
 */
public final class ExplanationJson {

    private ExplanationJson() {
    }

    /** The explanation of {@code result}. */
    public static JsonObject of(DecisionResult result) {
        JsonArray candidates = new JsonArray();
        for (CandidateTrace trace : result.explanation().candidates()) {
            JsonObject candidate = new JsonObject().put("actionId", trace.actionId()).put("selected", trace.selected());
            trace.removedAt().ifPresent(stage -> candidate.put("removedAt", stage.name().toLowerCase(Locale.ROOT))
                    .put("reason", trace.reason()));
            trace.score().ifPresent(score -> candidate.put("score", score(score)));
            trace.channel().ifPresent(channel -> candidate.put("channel", channel.wireName()));
            candidates.add(candidate);
        }
        return new JsonObject().put("segment", result.explanation().segment())
                .put("controlGroup", result.explanation().controlGroup())
                .put("candidates", candidates)
                .put("wouldBe", ids(result.explanation().wouldBe()));
    }

    /** An explanation without a pipeline run: only the host's note. */
    public static JsonObject note(String note) {
        return new JsonObject().put("segment", "*").put("controlGroup", false).put("candidates", new JsonArray())
                .put("wouldBe", new JsonArray()).put("note", note);
    }

    /** The action ids of {@code actions}, in order. */
    public static JsonArray ids(List<SelectedAction> actions) {
        JsonArray ids = new JsonArray();
        actions.forEach(action -> ids.add(action.actionId()));
        return ids;
    }

    private static JsonObject score(ScoreParts parts) {
        return new JsonObject().put("propensity", parts.propensity()).put("value", parts.value())
                .put("weight", parts.weight()).put("score", parts.score());
    }
}
