package dev.waymark.protocol.action;

/** The steps of a decision, in order (DESIGN.md section 8); on the wire in lower case ({@code contact_policy}). */
public enum Stage {
    /** The action's CEL eligibility rule. */
    ELIGIBILITY,
    /** Consent for the action's purpose and channel. */
    CONSENT,
    /** An open service journey suppresses sales. */
    SUPPRESSION,
    /** Caps, cooldowns and quiet hours. */
    CONTACT_POLICY,
    /** The stable hashed holdout. */
    CONTROL_GROUP,
    /** Propensity x value x weight. */
    SCORING,
    /** Top N. */
    ARBITRATION,
    /** Preferred, reachable, consented channel. */
    CHANNEL
}
