package dev.waymark.protocol.action;

import dev.waymark.protocol.internal.Check;

import java.time.Instant;
import java.util.List;

/**
 * A recorded next-best-action decision with its explanation: which actions were chosen and, for every candidate,
 * the stage that removed it and why, or its score.
 *
 * @param decisionId the decision's id
 * @param profileKey the profile token (or kiosk session) it was made for
 * @param madeAt     when it was made, on the deciding host's clock
 * @param mode       inbound, triggered or campaign
 * @param chosen     the chosen action ids, best first (may be empty: "nothing" is a decision)
 * @param candidates one explanation per candidate considered
 */
public record Decision(String decisionId, String profileKey, Instant madeAt, DecisionMode mode,
                       List<String> chosen, List<Candidate> candidates) {

    /** Validates every field; throws IllegalArgumentException naming it. */
    public Decision {
        Check.text("decisionId", decisionId);
        Check.text("profileKey", profileKey);
        Check.present("madeAt", madeAt);
        Check.present("mode", mode);
        chosen = Check.list("chosen", chosen);
        candidates = Check.list("candidates", candidates);
    }
}
