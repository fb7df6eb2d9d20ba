package dev.waymark.edge.internal;

/**
 * The overflow policy's classes: when the outbox is over its quota, the oldest events of the lowest class go first;
 * outcomes and consent changes are never dropped, because caps, learning and the consent ledger depend on them.
 */
enum Priority {
    /** Browsing signals the journey can do without: screen and product views, searches. */
    LOW,
    /** Everything else a shopper did. */
    NORMAL,
    /** Outcomes and consent changes: never dropped. */
    KEEP;

    static Priority of(String type) {
        if (type.startsWith("wm.outcome.") || type.equals("wm.kiosk.consent_update")) {
            return KEEP;
        }
        return switch (type) {
            case "wm.kiosk.screen_view", "wm.kiosk.product_view", "wm.kiosk.search" -> LOW;
            default -> NORMAL;
        };
    }

    boolean droppable() {
        return this != KEEP;
    }
}
