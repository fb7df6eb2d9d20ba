package dev.waymark.decision.internal;

import dev.waymark.decision.ActionCategory;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.PropensityModel;
import dev.waymark.decision.SelectedAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The working state of one decision, passed from stage to stage. Confined to one thread. */
public final class DecisionState {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final DecisionRequest request;
    private final DecisionPolicies policies;
    private final PropensityModel model;
    private final RandomGenerator random;
    private final String segment;
    private final List<Candidate> candidates;
    private final int[][] budget;
    private List<Candidate> ranked = List.of();
    private boolean controlGroup;
    private List<SelectedAction> wouldBe = List.of();
    private Map<String, Object> activation;

    public DecisionState(DecisionRequest request, DecisionPolicies policies, PropensityModel model,
            RandomGenerator random, String segment, List<Candidate> candidates) {
        this.request = request;
        this.policies = policies;
        this.model = model;
        this.random = random;
        this.segment = segment;
        this.candidates = candidates;
        this.budget = new int[Channel.values().length][ActionCategory.values().length];
        for (int[] row : budget) {
            Arrays.fill(row, UNLIMITED);
        }
    }

    /** A deep copy for the control group's would-be run, drawing from {@code otherRandom}. */
    DecisionState copy(RandomGenerator otherRandom) {
        List<Candidate> copies = new ArrayList<>(candidates.size());
        candidates.forEach(candidate -> copies.add(candidate.copy()));
        DecisionState copy = new DecisionState(request, policies, model, otherRandom, segment, copies);
        for (int i = 0; i < budget.length; i++) {
            copy.budget[i] = budget[i].clone();
        }
        copy.activation = activation;
        return copy;
    }

    public DecisionRequest request() {
        return request;
    }

    public DecisionPolicies policies() {
        return policies;
    }

    public PropensityModel model() {
        return model;
    }

    public RandomGenerator random() {
        return random;
    }

    public String segment() {
        return segment;
    }

    /** All pre-selected candidates, dead or alive, in catalog order. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The live candidates, in catalog order. */
    public List<Candidate> alive() {
        List<Candidate> live = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (candidate.alive()) {
                live.add(candidate);
            }
        }
        return live;
    }

    /** Survivors of arbitration, best first. */
    public List<Candidate> ranked() {
        return ranked;
    }

    public void ranked(List<Candidate> best) {
        ranked = List.copyOf(best);
    }

    /** How many more contacts of {@code category} on {@code channel} the caps allow in this decision. */
    public int budget(Channel channel, ActionCategory category) {
        return budget[channel.ordinal()][category.ordinal()];
    }

    public void limitBudget(Channel channel, ActionCategory category, int remaining) {
        int[] row = budget[channel.ordinal()];
        row[category.ordinal()] = Math.min(row[category.ordinal()], remaining);
    }

    public void spendBudget(Channel channel, ActionCategory category) {
        int[] row = budget[channel.ordinal()];
        if (row[category.ordinal()] != UNLIMITED) {
            row[category.ordinal()]--;
        }
    }

    public boolean controlGroup() {
        return controlGroup;
    }

    public void controlGroup(boolean inControl) {
        controlGroup = inControl;
    }

    public List<SelectedAction> wouldBe() {
        return wouldBe;
    }

    public void wouldBe(List<SelectedAction> actions) {
        wouldBe = List.copyOf(actions);
    }

    /** The CEL variables, built once per decision; {@code profile} only when the request has one. */
    public Map<String, Object> activation() {
        if (activation == null) {
            Map<String, Object> vars = new HashMap<>(8);
            vars.put(CatalogCompiler.JOURNEY, request.journey());
            vars.put(CatalogCompiler.EVENT, request.event());
            vars.put(CatalogCompiler.CONTEXT, request.context());
            request.profile().ifPresent(profile -> vars.put(CatalogCompiler.PROFILE, profile));
            activation = vars;
        }
        return activation;
    }

    /** The selected actions, best first. */
    public List<SelectedAction> selected() {
        List<SelectedAction> out = new ArrayList<>();
        for (Candidate candidate : ranked) {
            if (candidate.alive() && candidate.chosen() != null) {
                out.add(new SelectedAction(candidate.definition().id(), candidate.category(), candidate.chosen(),
                        request.placement(), candidate.score(),
                        request.now().plus(candidate.definition().timeToLive())));
            }
        }
        return out;
    }
}
