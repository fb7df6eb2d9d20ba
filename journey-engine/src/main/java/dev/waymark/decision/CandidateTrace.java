package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.util.Objects;
import java.util.Optional;

/**
 * One candidate's way through the pipeline: the stage that removed it and why, or, when it survived, its score
 * parts and the channel chosen. A candidate removed at arbitration or channel choice has both a score and a reason.
 *
 * @param actionId  the action
 * @param removedAt the stage that removed it; empty when it was selected
 * @param reason    why it was removed; empty text when it was selected
 * @param score     its score parts, once scored
 * @param channel   the channel chosen for it, when selected
 */
public record CandidateTrace(
        String actionId, Optional<StageName> removedAt, String reason, Optional<ScoreParts> score,
        Optional<Channel> channel) {

    public CandidateTrace {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(removedAt, "removedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(channel, "channel");
    }

    /** True when this candidate was selected. */
    public boolean selected() {
        return removedAt.isEmpty();
    }

    @Override
    public String toString() {
        if (selected()) {
            return actionId + ": selected on " + channel.map(Channel::wireName).orElse("?") + " " + score.orElse(null);
        }
        return actionId + ": removed at " + removedAt.get() + " (" + reason + ")";
    }
}
