package dev.waymark.decision;

/** What an action is for; decides the consent basis, suppression and whether the control group may see it. */
public enum ActionCategory {
    /** An offer or recommendation: marketing, needs consent for its purpose, withheld from the control group. */
    SALES,
    /** Help for the customer (e.g. "need assistance?"): legitimate interest, never held out. */
    CARE,
    /** A service message about an open request or order: legitimate interest, never held out. */
    SERVICE;

    /** True for marketing, which the control group never receives and an open service journey suppresses. */
    public boolean isMarketing() {
        return this == SALES;
    }

    /** True where the action is sent under legitimate interest rather than a consented purpose. */
    public boolean isLegitimateInterest() {
        return this != SALES;
    }
}
