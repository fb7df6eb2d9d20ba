package dev.waymark.journey;

/**
 * Where a profile is in its purchase journey. Activities move the stage forward within a cycle
 * (awareness, consideration, research, purchase); a purchase moves it to loyalty, and browsing after that
 * starts a new cycle. docs/journeys.md has the full transition table.
 */
public enum JourneyStage {
    AWARENESS,
    CONSIDERATION,
    RESEARCH,
    PURCHASE,
    LOYALTY
}
