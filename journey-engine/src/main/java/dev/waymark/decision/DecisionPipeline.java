package dev.waymark.decision;

import dev.waymark.decision.internal.Pipeline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The next-best-action pipeline: eligibility, consent, suppression, contact policy, control group, scoring,
 * arbitration, channel choice (DESIGN.md section 8), shared by inbound, triggered and campaign decisions, edge and
 * cloud. Pure: no I/O, no clock (the request carries {@code now}), randomness from a seed. Thread-safe as long as
 * the model is only updated through {@link PropensityModel#update}.
 */
public final class DecisionPipeline {

    private final ActionCatalog catalog;
    private final DecisionPolicies policies;
    private final PropensityModel model;
    private final long seed;
    private final Pipeline pipeline;

    private DecisionPipeline(ActionCatalog catalog, DecisionPolicies policies, PropensityModel model, long seed) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.model = Objects.requireNonNull(model, "model");
        this.seed = seed;
        this.pipeline = new Pipeline(catalog.compiled(), policies, model);
    }

    /**
     * A pipeline over a compiled catalog.
     *
     * @param seed mixed with each decision id to seed that decision's Thompson draws, so a decision is reproducible
     *             from its request alone, at the edge as in the cloud
     */
    public static DecisionPipeline create(ActionCatalog catalog, DecisionPolicies policies, PropensityModel model,
            long seed) {
        return new DecisionPipeline(catalog, policies, model, seed);
    }

    /** Decides with a generator seeded from the pipeline's seed and the request's decision id. */
    public DecisionResult decide(DecisionRequest request) {
        return decide(request, new SplittableRandom(seed ^ fnv1a64(request.decisionId())));
    }

    /** Decides drawing from {@code random}; the same request and generator state give the same decision. */
    public DecisionResult decide(DecisionRequest request, RandomGenerator random) {
        return pipeline.decide(Objects.requireNonNull(request, "request"), Objects.requireNonNull(random, "random"));
    }

    /** The stages in the order they run. */
    public List<StageName> stages() {
        return pipeline.stageNames();
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    public DecisionPolicies policies() {
        return policies;
    }

    public PropensityModel model() {
        return model;
    }

    // FNV-1a, 64 bit: a stable hash of the id on every JVM (String.hashCode has only 32 bits).
    private static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
