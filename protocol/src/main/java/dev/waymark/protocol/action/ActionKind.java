package dev.waymark.protocol.action;

/** What an action is; on the wire in lower case ({@code offer}). */
public enum ActionKind {
    /** A commercial offer (marketing: needs consent, counts against contact caps). */
    OFFER,
    /** Help or service content. */
    HELP,
    /** A gentle prompt towards a next step. */
    NUDGE
}
