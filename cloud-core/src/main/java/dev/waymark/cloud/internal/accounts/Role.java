package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Scope;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a console user is: the scopes the role grants and whether it is limited to named stores. */
public enum Role {
    /** Everything, on every store. */
    ADMIN(EnumSet.allOf(Scope.class), false),
    /** Reads, decisions and catalog editing (Scope.ADMIN), on every store. */
    MARKETING(EnumSet.of(Scope.READ, Scope.DECIDE, Scope.ADMIN), false),
    /** Reads the data of its own stores only. */
    STORE_MANAGER(EnumSet.of(Scope.READ), true),
    /** Enrolls and replaces devices, and reads, in its own stores only. */
    FIELD_TECH(EnumSet.of(Scope.DEVICES, Scope.READ), true);

    private final Set<Scope> scopes;
    private final boolean storeScoped;

    Role(Set<Scope> scopes, boolean storeScoped) {
        this.scopes = Set.copyOf(scopes);
        this.storeScoped = storeScoped;
    }

    /** The scopes a user of this role holds. */
    public Set<Scope> scopes() {
        return scopes;
    }

    /** True when a user of this role needs a list of stores and sees only those. */
    public boolean storeScoped() {
        return storeScoped;
    }

    /** The role's name on the wire, lower case ({@code store_manager}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code wire} (case-insensitive), if there is one. */
    public static Optional<Role> fromWire(String wire) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(wire)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
