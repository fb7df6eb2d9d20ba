package dev.waymark.decision.internal;

import dev.waymark.decision.CandidateTrace;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.Explanation;
import dev.waymark.decision.PropensityModel;
import dev.waymark.decision.StageName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** Runs the stages of DESIGN.md section 8, in order, over the candidates the catalog index pre-selects. */
public final class Pipeline {

    private final CompiledCatalog catalog;
    private final DecisionPolicies policies;
    private final PropensityModel model;
    private final List<Stage> stages;

    public Pipeline(CompiledCatalog catalog, DecisionPolicies policies, PropensityModel model) {
        this.catalog = catalog;
        this.policies = policies;
        this.model = model;
        List<Stage> tail = List.of(new ScoringStage(), new ArbitrationStage(), new ChannelChoiceStage());
        List<Stage> all = new ArrayList<>(List.of(new EligibilityStage(), new ConsentStage(), new SuppressionStage(),
                new ContactPolicyStage(), new ControlGroupStage(tail)));
        all.addAll(tail);
        this.stages = List.copyOf(all);
    }

    public List<StageName> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }

    public DecisionResult decide(DecisionRequest request, RandomGenerator random) {
        String segment = Segments.of(request, policies.segmentFacts());
        DecisionState state = new DecisionState(request, policies, model, random, segment, preselect(request));
        for (Stage stage : stages) {
            stage.apply(state);
        }
        List<CandidateTrace> traces = new ArrayList<>(state.candidates().size());
        for (Candidate candidate : state.candidates()) {
            traces.add(new CandidateTrace(candidate.definition().id(), Optional.ofNullable(candidate.removedAt()),
                    candidate.reason(), Optional.ofNullable(candidate.score()),
                    Optional.ofNullable(candidate.chosen())));
        }
        Explanation explanation = new Explanation(traces, segment, state.controlGroup(), state.wouldBe());
        return new DecisionResult(request.decisionId(), request.mode(), request.now(), state.selected(),
                explanation);
    }

    private List<Candidate> preselect(DecisionRequest request) {
        List<Channel> channels = request.channelsInOrder();
        EnumSet<Channel> wanted = EnumSet.copyOf(channels);
        if (channels.size() == 1) {
            List<CompiledAction> slot = catalog.candidates(channels.get(0), request.placement());
            List<Candidate> out = new ArrayList<>(slot.size());
            for (CompiledAction action : slot) {
                out.add(new Candidate(action, open(action, wanted)));
            }
            return out;
        }
        Map<Integer, CompiledAction> byOrdinal = new TreeMap<>();
        for (Channel channel : channels) {
            for (CompiledAction action : catalog.candidates(channel, request.placement())) {
                byOrdinal.putIfAbsent(action.ordinal(), action);
            }
        }
        List<Candidate> out = new ArrayList<>(byOrdinal.size());
        byOrdinal.values().forEach(action -> out.add(new Candidate(action, open(action, wanted))));
        return out;
    }

    private static EnumSet<Channel> open(CompiledAction action, EnumSet<Channel> wanted) {
        EnumSet<Channel> open = EnumSet.copyOf(wanted);
        open.retainAll(action.definition().channels());
        return open;
    }
}
