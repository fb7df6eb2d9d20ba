package dev.waymark.edge;

/**
 * A snapshot of the agent's health, as {@code GET /v1/status} and the status topic report it.
 *
 * @param connected       the uplink to the hub is up
 * @param storeOnline     the hub is reachable and says it reaches the cloud; while false, intents are decided here
 * @param outboxEvents    events waiting in the outbox
 * @param outboxBytes     their encoded size
 * @param quotaBytes      the outbox quota
 * @param overQuota       the last capture found the outbox full (droppable events are being dropped)
 * @param dropped         events dropped by the overflow policy since the database was created
 * @param refused         batches the hub refused (PUBACK reason code 0x80 or more), kept for retry
 * @param bundleVersion   the decision bundle in use, 0 when none
 * @param offlineDecisions decisions made locally since start
 */
public record EdgeStatus(boolean connected, boolean storeOnline, long outboxEvents, long outboxBytes, long quotaBytes,
                         boolean overQuota, long dropped, long refused, long bundleVersion, long offlineDecisions) {
}
