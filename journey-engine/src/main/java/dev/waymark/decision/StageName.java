package dev.waymark.decision;

/** The pipeline's stages, in the order DESIGN.md section 8 runs them. */
public enum StageName {
    ELIGIBILITY, CONSENT, SUPPRESSION, CONTACT_POLICY, CONTROL_GROUP, SCORING, ARBITRATION, CHANNEL_CHOICE
}
