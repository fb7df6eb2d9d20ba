package dev.waymark.decision.internal;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.PropensityModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds stage inputs for the stage tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Fixtures() {
    }

    static ActionDefinition.Builder action(String id, ActionCategory category) {
        return ActionDefinition.builder(id).category(category).channels(Channel.KIOSK).placements("home");
    }

    static DecisionRequest.Builder request() {
        return DecisionRequest.builder(DecisionMode.INBOUND, "d-1", "profile-1", Channel.KIOSK, "home", NOW)
                .profile(Map.of());
    }

    /** A state over all of {@code actions}, each open on every request channel it has. */
    static DecisionState state(DecisionRequest request, DecisionPolicies policies, List<ActionDefinition> actions) {
        CatalogCompiler.Result compiled = CatalogCompiler.compile(actions);
        if (!compiled.errors().isEmpty()) {
            throw new IllegalArgumentException(compiled.errors().toString());
        }
        EnumSet<Channel> wanted = EnumSet.copyOf(request.channelsInOrder());
        List<Candidate> candidates = new ArrayList<>();
        for (ActionDefinition definition : actions) {
            CompiledAction action = compiled.catalog().orElseThrow().find(definition.id()).orElseThrow();
            EnumSet<Channel> open = EnumSet.copyOf(wanted);
            open.retainAll(definition.channels());
            candidates.add(new Candidate(action, open));
        }
        return new DecisionState(request, policies, PropensityModel.uniform(), new SplittableRandom(7), "*",
                candidates);
    }

    static Candidate candidate(DecisionState state, String id) {
        return state.candidates().stream().filter(c -> c.definition().id().equals(id)).findFirst().orElseThrow();
    }
}
