package dev.waymark.decision.offline;

/**
 * One logged bandit round: in {@code segment} the logging policy showed {@code item} with probability
 * {@code propensity} and saw {@code click}.
 */
record LoggedEvent(String segment, int item, boolean click, double propensity) {

    LoggedEvent {
        if (!(propensity > 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity: must be in (0, 1], got " + propensity);
        }
    }
}
