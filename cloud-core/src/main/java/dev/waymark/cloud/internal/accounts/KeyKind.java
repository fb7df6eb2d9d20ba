package dev.waymark.cloud.internal.accounts;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of API key, told apart by their prefix. */
public enum KeyKind {
    /** A write key collectors embed in web pages and apps: it may only post events (Scope.TRACK). */
    PUBLIC("wm_pk_"),
    /** A server-side key with chosen scopes and, optionally, stores. */
    SECRET("wm_sk_");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix every key of this kind starts with. */
    public String prefix() {
        return prefix;
    }

    /** The kind's name on the wire, lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code wire} (case-insensitive), if there is one. */
    public static Optional<KeyKind> fromWire(String wire) {
        for (KeyKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(wire)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind a presented key claims by its prefix, if any. */
    public static Optional<KeyKind> ofKey(String key) {
        for (KeyKind kind : values()) {
            if (key.startsWith(kind.prefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
