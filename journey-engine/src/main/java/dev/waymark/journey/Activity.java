package dev.waymark.journey;

/**
 * The journey activities events are mapped to by an {@link ActivityMapping}. Patterns and the journey
 * context reason only about activities, never about raw event types, so a new channel needs a mapping rule
 * rather than new engine code.
 */
public enum Activity {
    PRODUCT_VIEW,
    CART_ADD,
    CART_REMOVE,
    CHECKOUT,
    PURCHASE,
    SEARCH,
    SEARCH_NO_RESULT,
    SERVICE_INQUIRY,
    SERVICE_RESOLVED,
    LOYALTY_SCAN,
    SESSION_START,
    SESSION_END,
    PAGE_VIEW
}
