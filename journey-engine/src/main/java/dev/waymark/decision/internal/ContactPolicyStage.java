package dev.waymark.decision.internal;

import dev.waymark.protocol.Channel;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ContactHistory;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.QuietHours;
import dev.waymark.decision.StageName;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies the contact policy: the per-action cooldown, quiet hours (outbound channels only, in the customer's
 * zone), and caps per channel and category over their period. A channel whose cap is used up is closed for the
 * candidate; what is left of each cap becomes the budget channel choice spends, so one decision with several
 * actions cannot overshoot a cap either.
 */
public final class ContactPolicyStage implements Stage {

    @Override
    public StageName name() {
        return StageName.CONTACT_POLICY;
    }

    @Override
    public void apply(DecisionState state) {
        DecisionRequest request = state.request();
        setBudgets(state);
        Optional<QuietHours> quiet = state.policies().quietHours();
        boolean quietNow = quiet.isPresent() && quiet.get().contains(request.now(), request.zone());
        for (Candidate candidate : state.candidates()) {
            if (!candidate.alive()) {
                continue;
            }
            Optional<String> coolingDown = cooldown(candidate, state);
            if (coolingDown.isPresent()) {
                candidate.remove(name(), coolingDown.get());
                continue;
            }
            StringBuilder closed = new StringBuilder();
            for (Iterator<Channel> it = candidate.channels().iterator(); it.hasNext(); ) {
                Channel channel = it.next();
                if (quietNow && channel.isOutbound()) {
                    it.remove();
                    note(closed, channel.wireName() + " in quiet hours " + quiet.get().start() + "-"
                            + quiet.get().end() + " " + request.zone());
                } else if (state.budget(channel, candidate.category()) <= 0) {
                    it.remove();
                    note(closed, channel.wireName() + " " + candidate.category().name().toLowerCase(Locale.ROOT)
                            + " cap reached");
                }
            }
            if (candidate.channels().isEmpty()) {
                candidate.remove(name(), closed.toString());
            }
        }
    }

    private static void setBudgets(DecisionState state) {
        DecisionRequest request = state.request();
        ContactHistory history = request.history();
        for (ContactCap cap : state.policies().caps()) {
            Instant since = request.now().minus(cap.period());
            int used = history.count(cap.channel(), cap.category(), since, request.now());
            state.limitBudget(cap.channel(), cap.category(), Math.max(0, cap.max() - used));
        }
    }

    private static Optional<String> cooldown(Candidate candidate, DecisionState state) {
        String id = candidate.definition().id();
        Duration cooldown = state.policies().cooldown(id);
        if (cooldown.isZero()) {
            return Optional.empty();
        }
        Optional<Instant> last = state.request().history().lastContact(id);
        if (last.isPresent() && last.get().isAfter(state.request().now().minus(cooldown))) {
            return Optional.of("cooldown " + cooldown + " since last contact at " + last.get());
        }
        return Optional.empty();
    }

    private static void note(StringBuilder reasons, String reason) {
        reasons.append(reasons.length() == 0 ? "" : "; ").append(reason);
    }
}
