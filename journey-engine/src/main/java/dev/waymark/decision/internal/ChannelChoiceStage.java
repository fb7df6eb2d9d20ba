package dev.waymark.decision.internal;

import dev.waymark.protocol.Channel;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.StageName;

/**
 * Picks each ranked action's channel: the first of the request's channels in order of preference that is still
 * open for it (consented, not quiet, under cap), reachable, and has cap budget left in this decision.
 */
public final class ChannelChoiceStage implements Stage {

    @Override
    public StageName name() {
        return StageName.CHANNEL_CHOICE;
    }

    @Override
    public void apply(DecisionState state) {
        DecisionRequest request = state.request();
        for (Candidate candidate : state.ranked()) {
            Channel chosen = null;
            for (Channel channel : request.channelsInOrder()) {
                if (candidate.channels().contains(channel) && request.reachableChannels().contains(channel)
                        && state.budget(channel, candidate.category()) > 0) {
                    chosen = channel;
                    break;
                }
            }
            if (chosen == null) {
                candidate.remove(name(), "no open channel is reachable with cap budget left (open: "
                        + candidate.channels() + ", reachable: " + request.reachableChannels() + ")");
            } else {
                candidate.choose(chosen);
                state.spendBudget(chosen, candidate.category());
            }
        }
    }
}
