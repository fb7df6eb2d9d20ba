package dev.waymark.decision;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules around the catalog, shipped in the bundle with it.
 *
 * @param caps             contact caps per channel and category
 * @param defaultCooldown  minimum time between two contacts with the same action (zero: none)
 * @param cooldowns        per-action overrides of the cooldown, by action id
 * @param quietHours       outbound quiet hours in the customer's zone, if any
 * @param controlGroup     the holdout
 * @param maxActions       how many actions one decision returns at most (top N), >= 1
 * @param suppressingFacts journey facts that, when set (true, a positive number, a non-empty string or
 *                         collection), mean an open service or complaint journey and suppress sales
 * @param segmentFacts     facts that make the learning segment, as {@code journey.stage}, {@code context.x},
 *                         {@code profile.x} or {@code channel}
 * @param explore          Thompson-sample propensities (true) or use the posterior mean (false, no exploration)
 * @throws IllegalArgumentException naming the invalid field
 */
public record DecisionPolicies(
        List<ContactCap> caps,
        Duration defaultCooldown,
        Map<String, Duration> cooldowns,
        Optional<QuietHours> quietHours,
        ControlGroupPolicy controlGroup,
        int maxActions,
        List<String> suppressingFacts,
        List<String> segmentFacts,
        boolean explore) {

    public DecisionPolicies {
        caps = List.copyOf(caps);
        if (defaultCooldown == null || defaultCooldown.isNegative()) {
            throw new IllegalArgumentException("defaultCooldown: must be zero or positive");
        }
        cooldowns = Collections.unmodifiableSortedMap(new TreeMap<>(cooldowns));
        if (cooldowns.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("cooldowns: must be zero or positive");
        }
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(controlGroup, "controlGroup");
        if (maxActions < 1) {
            throw new IllegalArgumentException("maxActions: must be >= 1, got " + maxActions);
        }
        suppressingFacts = List.copyOf(suppressingFacts);
        segmentFacts = List.copyOf(segmentFacts);
        for (String fact : segmentFacts) {
            if (!fact.equals("channel") && !fact.matches("(journey|context|profile|event)\\.[^.]+")) {
                throw new IllegalArgumentException("segmentFacts: '" + fact + "' is not channel or <map>.<key>");
            }
        }
    }

    /** The cooldown of {@code actionId}. */
    public Duration cooldown(String actionId) {
        return cooldowns.getOrDefault(actionId, defaultCooldown);
    }

    /**
     * Defaults: no caps, no cooldown, no quiet hours, no control group, one action per decision, sales suppressed
     * by {@code journey.openServiceJourney}, segment by {@code channel} and {@code journey.stage}, exploring.
     */
    public static DecisionPolicies defaults() {
        return new DecisionPolicies(List.of(), Duration.ZERO, Map.of(), Optional.empty(), ControlGroupPolicy.none(),
                1, List.of("openServiceJourney"), List.of("channel", "journey.stage"), true);
    }

    public DecisionPolicies withCaps(List<ContactCap> newCaps) {
        return new DecisionPolicies(newCaps, defaultCooldown, cooldowns, quietHours, controlGroup, maxActions,
                suppressingFacts, segmentFacts, explore);
    }

    public DecisionPolicies withCooldown(Duration newDefault, Map<String, Duration> perAction) {
        return new DecisionPolicies(caps, newDefault, perAction, quietHours, controlGroup, maxActions,
                suppressingFacts, segmentFacts, explore);
    }

    public DecisionPolicies withQuietHours(QuietHours hours) {
        return new DecisionPolicies(caps, defaultCooldown, cooldowns, Optional.of(hours), controlGroup, maxActions,
                suppressingFacts, segmentFacts, explore);
    }

    public DecisionPolicies withControlGroup(ControlGroupPolicy policy) {
        return new DecisionPolicies(caps, defaultCooldown, cooldowns, quietHours, policy, maxActions,
                suppressingFacts, segmentFacts, explore);
    }

    public DecisionPolicies withMaxActions(int n) {
        return new DecisionPolicies(caps, defaultCooldown, cooldowns, quietHours, controlGroup, n,
                suppressingFacts, segmentFacts, explore);
    }

    public DecisionPolicies withSuppressingFacts(List<String> facts) {
        return new DecisionPolicies(caps, defaultCooldown, cooldowns, quietHours, controlGroup, maxActions,
                facts, segmentFacts, explore);
    }

    public DecisionPolicies withSegmentFacts(List<String> facts) {
        return new DecisionPolicies(caps, defaultCooldown, cooldowns, quietHours, controlGroup, maxActions,
                suppressingFacts, facts, explore);
    }

    public DecisionPolicies withExplore(boolean newExplore) {
        return new DecisionPolicies(caps, defaultCooldown, cooldowns, quietHours, controlGroup, maxActions,
                suppressingFacts, segmentFacts, newExplore);
    }
}
