package dev.waymark.protocol.action;

import dev.waymark.protocol.internal.Check;

import java.util.Optional;

/**
 * Why one candidate action was or was not chosen: either removed at a stage with a reason, or scored.
 *
 * @param actionId     the candidate
 * @param removedAt    the stage that removed it; empty when it reached scoring
 * @param removedFor   why that stage removed it; present exactly when {@code removedAt} is
 * @param score        its score parts; present when it was scored (also when arbitration then removed it)
 */
public record Candidate(String actionId, Optional<Stage> removedAt, Optional<String> removedFor,
                        Optional<Score> score) {

    /** Validates the combination; throws IllegalArgumentException naming the field. */
    public Candidate {
        Check.text("actionId", actionId);
        Check.present("removedAt", removedAt);
        Check.optionalText("removedFor", removedFor);
        Check.present("score", score);
        if (removedAt.isPresent() != removedFor.isPresent()) {
            throw new IllegalArgumentException("removedFor: must be given exactly when removedAt is");
        }
        if (removedAt.isEmpty() && score.isEmpty()) {
            throw new IllegalArgumentException("score: a candidate not removed must be scored");
        }
    }

    /** A candidate removed before scoring. */
    public static Candidate removed(String actionId, Stage stage, String reason) {
        return new Candidate(actionId, Optional.of(stage), Optional.of(reason), Optional.empty());
    }

    /** A candidate scored and kept. */
    public static Candidate scored(String actionId, Score score) {
        return new Candidate(actionId, Optional.empty(), Optional.empty(), Optional.of(score));
    }

    /** A candidate scored, then removed by a later stage (arbitration, channel choice). */
    public static Candidate scoredThenRemoved(String actionId, Score score, Stage stage, String reason) {
        return new Candidate(actionId, Optional.of(stage), Optional.of(reason), Optional.of(score));
    }
}
