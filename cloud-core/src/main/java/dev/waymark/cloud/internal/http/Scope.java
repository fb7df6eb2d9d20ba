package dev.waymark.cloud.internal.http;

/** What an API key or a signed-in user may do; each route requires one. */
public enum Scope {
    /** Post events (public write keys for collectors). */
    TRACK,
    /** Ask for decisions and simulate them ({@code /v1/decisions}). */
    DECIDE,
    /** Read profiles, decisions, KPIs, the live stream and the store overview. */
    READ,
    /** Read and change consents. */
    CONSENT,
    /** Change the action catalog, intent patterns and policies; publish bundles. */
    ADMIN,
    /** Manage users and API keys. */
    ACCOUNTS,
    /** Enroll, revoke and replace devices. */
    DEVICES,
    /** Export and erase a person's data (data-subject requests, docs/privacy.md). */
    PRIVACY;

    /** The scope's name on the wire, lower case. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
