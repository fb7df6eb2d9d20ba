package dev.waymark.cloud.internal.accounts;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code PATCH /v1/users/{name}} changes; absent parts stay as they are.
 *
 * @param role     a new role (its stores must then fit it)
 * @param stores   new stores for a store-scoped role
 * @param disabled true to disable (and end the user's sessions), false to enable (and clear a lock)
 * @param password a new password (ends the user's sessions)
 */
public record UserChange(Optional<Role> role, Optional<Set<String>> stores, Optional<Boolean> disabled,
                         Optional<String> password) {

    public UserChange {
        Objects.requireNonNull(role, "role");
        stores = stores.map(Set::copyOf);
        Objects.requireNonNull(disabled, "disabled");
        Objects.requireNonNull(password, "password");
    }

    /** True when nothing would change. */
    public boolean isEmpty() {
        return role.isEmpty() && stores.isEmpty() && disabled.isEmpty() && password.isEmpty();
    }

    @Override
    public String toString() {
        return "UserChange[role=" + role + ", stores=" + stores + ", disabled=" + disabled
                + ", password=" + (password.isPresent() ? "(new)" : "(same)") + "]";
    }
}
