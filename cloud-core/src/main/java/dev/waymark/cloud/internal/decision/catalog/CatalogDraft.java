package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.decision.ActionCatalog;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.journey.IntentPatterns;
import java.util.List;
import java.util.Objects;

/**
 * A catalog, patterns and policies that passed validation: the actions compiled, the patterns loaded.
 *
 * @param actions  the actions with their display text
 * @param catalog  the compiled catalog of {@code actions}
 * @param patterns the intent patterns
 * @param policies the decision policies
 */
public record CatalogDraft(List<CatalogEntry> actions, ActionCatalog catalog, IntentPatterns patterns,
        DecisionPolicies policies) {

    public CatalogDraft {
        actions = List.copyOf(actions);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(policies, "policies");
    }
}
