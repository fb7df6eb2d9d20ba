package dev.waymark.decision.internal;

import dev.waymark.decision.StageName;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Removes sales candidates while the customer has an open service or complaint journey: nobody wants an offer
 * while their complaint is open. Which journey facts mean "open" is a policy ({@code suppressingFacts}).
 */
public final class SuppressionStage implements Stage {

    @Override
    public StageName name() {
        return StageName.SUPPRESSION;
    }

    @Override
    public void apply(DecisionState state) {
        Optional<String> open = openFact(state.request().journey(), state);
        if (open.isEmpty()) {
            return;
        }
        for (Candidate candidate : state.candidates()) {
            if (candidate.alive() && candidate.category().isMarketing()) {
                candidate.remove(name(), "open service journey (journey." + open.get() + ") suppresses sales");
            }
        }
    }

    private static Optional<String> openFact(Map<String, Object> journey, DecisionState state) {
        for (String fact : state.policies().suppressingFacts()) {
            if (isSet(journey.get(fact))) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }

    static boolean isSet(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() > 0;
        }
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof Collection<?> items) {
            return !items.isEmpty();
        }
        if (value instanceof Map<?, ?> entries) {
            return !entries.isEmpty();
        }
        return false;
    }
}
