package dev.waymark.decision.internal;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.ScoreParts;
import dev.waymark.decision.StageName;
import java.util.EnumSet;

/** One action's progress through one decision. Mutable, confined to that decision. */
public final class Candidate {

    private final CompiledAction action;
    private final EnumSet<Channel> channels;
    private StageName removedAt;
    private String reason = "";
    private ScoreParts score;
    private Channel chosen;

    Candidate(CompiledAction action, EnumSet<Channel> channels) {
        this.action = action;
        this.channels = channels;
    }

    Candidate copy() {
        Candidate copy = new Candidate(action, EnumSet.copyOf(channels));
        copy.removedAt = removedAt;
        copy.reason = reason;
        copy.score = score;
        copy.chosen = chosen;
        return copy;
    }

    public CompiledAction action() {
        return action;
    }

    public ActionDefinition definition() {
        return action.definition();
    }

    public ActionCategory category() {
        return action.definition().category();
    }

    /** Channels still open for this candidate; stages narrow them. */
    public EnumSet<Channel> channels() {
        return channels;
    }

    public boolean alive() {
        return removedAt == null;
    }

    public void remove(StageName stage, String why) {
        removedAt = stage;
        reason = why;
    }

    /** Undoes a removal; only the control group's would-be run uses it. */
    void revive() {
        removedAt = null;
        reason = "";
    }

    public StageName removedAt() {
        return removedAt;
    }

    public String reason() {
        return reason;
    }

    public ScoreParts score() {
        return score;
    }

    public void score(ScoreParts parts) {
        score = parts;
    }

    public Channel chosen() {
        return chosen;
    }

    public void choose(Channel channel) {
        chosen = channel;
    }
}
