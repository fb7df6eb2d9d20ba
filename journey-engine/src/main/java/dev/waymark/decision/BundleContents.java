package dev.waymark.decision;

import java.util.List;
import java.util.Objects;

/**
 * What a decision bundle carries: everything an edge needs to decide offline, at one version.
 *
 * @param version        increasing bundle version (>= 1), equal to the signed envelope's
 * @param actions        the action catalog's definitions (compiled again where the bundle is loaded)
 * @param intentPatterns the journey engine's intent patterns, as their JSON text ({@code IntentPatterns} format);
 *                       carried as-is
 * @param policies       contact, control-group and arbitration policies
 * @param model          the propensity model's snapshot
 */
public record BundleContents(long version, List<ActionDefinition> actions, String intentPatterns,
        DecisionPolicies policies, ModelSnapshot model) {

    public BundleContents {
        if (version < 1) {
            throw new IllegalArgumentException("version: must be >= 1, got " + version);
        }
        actions = List.copyOf(actions);
        Objects.requireNonNull(intentPatterns, "intentPatterns");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(model, "model");
    }
}
