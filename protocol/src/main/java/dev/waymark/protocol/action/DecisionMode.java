package dev.waymark.protocol.action;

/** How a decision was asked for; on the wire in lower case ({@code inbound}). */
public enum DecisionMode {
    /** Asked inline by a channel (HTTP, kiosk). */
    INBOUND,
    /** Triggered by an intent detected in the event stream. */
    TRIGGERED,
    /** Part of a scheduled campaign. */
    CAMPAIGN
}
