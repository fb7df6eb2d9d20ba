package dev.waymark.decision.internal;

import dev.waymark.protocol.Channel;
import dev.waymark.decision.ConsentView;
import dev.waymark.decision.StageName;
import java.util.Iterator;

/**
 * Keeps, for each sales candidate, only the channels on which the customer granted the action's purpose; removes
 * it when none is left. Care and service go out under legitimate interest and keep their channels.
 */
public final class ConsentStage implements Stage {

    @Override
    public StageName name() {
        return StageName.CONSENT;
    }

    @Override
    public void apply(DecisionState state) {
        ConsentView consent = state.request().consent();
        for (Candidate candidate : state.candidates()) {
            if (!candidate.alive() || candidate.category().isLegitimateInterest()) {
                continue;
            }
            String purpose = candidate.definition().consentPurpose();
            StringBuilder refused = new StringBuilder();
            for (Iterator<Channel> it = candidate.channels().iterator(); it.hasNext(); ) {
                Channel channel = it.next();
                if (!consent.permits(purpose, channel.wireName())) {
                    it.remove();
                    refused.append(refused.length() == 0 ? "" : ", ").append(channel.wireName());
                }
            }
            if (candidate.channels().isEmpty()) {
                candidate.remove(name(), "no consent for purpose '" + purpose + "' on " + refused);
            }
        }
    }
}
