package dev.waymark.decision;

/** How a decision was asked for; all three run the same pipeline. */
public enum DecisionMode {
    /** A channel asks inline for the next best action (kiosk screen, web page, app). */
    INBOUND,
    /** An intent detected in the event stream asks for an action (context carries the intent's name). */
    TRIGGERED,
    /** A scheduled batch over many profiles (see {@link CampaignRun}). */
    CAMPAIGN
}
