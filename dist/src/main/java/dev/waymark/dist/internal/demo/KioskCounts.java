package dev.waymark.dist.internal.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the kiosk simulator did so far.
 *
 * @param shoppers      visits started
 * @param capturesSent  captures and outcomes written to the agents' WebSockets
 * @param stored        replies {@code kind: stored}
 * @param refused       replies {@code kind: refused}
 * @param lastRefusal   the last refusal's {@code field: reason}, or empty
 * @param actionsByKind actions received, by the action's {@code kind} (offer, help, nudge)
 * @param accepted      actions answered with {@code wm.outcome.accept}
 * @param dismissed     actions answered with {@code wm.outcome.dismiss}
 * @param unanswered    captures the agent did not answer in time (the socket is then reopened)
 * @param reconnects    times a socket dropped and was opened again
 */
public record KioskCounts(long shoppers, long capturesSent, long stored, long refused, String lastRefusal,
                          Map<String, Long> actionsByKind, long accepted, long dismissed, long unanswered,
                          long reconnects) {

    /** Copies the map, sorted by kind. */
    public KioskCounts {
        actionsByKind = Map.copyOf(new TreeMap<>(actionsByKind));
    }

    /** Nothing yet. */
    public static KioskCounts zero() {
        return new KioskCounts(0, 0, 0, 0, "", Map.of(), 0, 0, 0, 0);
    }

    /** All actions received, whatever their kind. */
    public long actionsReceived() {
        return actionsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
