package dev.waymark.decision.internal;

import dev.waymark.decision.CandidateTrace;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.ScoreParts;
import dev.waymark.decision.SelectedAction;
import dev.waymark.decision.StageName;
import dev.waymark.protocol.action.Candidate;
import dev.waymark.protocol.action.Decision;
import dev.waymark.protocol.action.DecisionMode;
import dev.waymark.protocol.action.Score;
import dev.waymark.protocol.action.Stage;
import java.util.List;

/** Maps a decision to the protocol's recorded {@link Decision}. */
public final class ProtocolMapping {

    private ProtocolMapping() {
    }

    public static Decision toProtocol(DecisionResult result, String profileKey) {
        List<Candidate> candidates = result.explanation().candidates().stream().map(ProtocolMapping::candidate)
                .toList();
        return new Decision(result.decisionId(), profileKey, result.decidedAt(),
                DecisionMode.valueOf(result.mode().name()),
                result.actions().stream().map(SelectedAction::actionId).toList(), candidates);
    }

    private static Candidate candidate(CandidateTrace trace) {
        if (trace.selected()) {
            return Candidate.scored(trace.actionId(), score(trace.score().orElseThrow()));
        }
        Stage stage = stage(trace.removedAt().orElseThrow());
        return trace.score().isPresent()
                ? Candidate.scoredThenRemoved(trace.actionId(), score(trace.score().get()), stage, trace.reason())
                : Candidate.removed(trace.actionId(), stage, trace.reason());
    }

    // The protocol carries value in minor units; catalog values are whole minor units in practice.
    private static Score score(ScoreParts parts) {
        return new Score(parts.propensity(), Math.round(parts.value()), parts.weight(), parts.score());
    }

    private static Stage stage(StageName name) {
        return name == StageName.CHANNEL_CHOICE ? Stage.CHANNEL : Stage.valueOf(name.name());
    }
}
