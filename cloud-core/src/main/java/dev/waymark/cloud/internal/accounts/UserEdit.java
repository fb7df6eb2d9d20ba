package dev.waymark.cloud.internal.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/** One change to one user, inside the writer's transaction, so the "last enabled admin" rule holds under races. */
final class UserEdit {

    private final Connection c;
    private final long now;

    UserEdit(Connection c, long now) {
        this.c = c;
        this.now = now;
    }

    User apply(String name, UserChange change, Optional<String> newHash) throws SQLException {
        User before = UserTable.find(c, name).orElseThrow(() -> AccountRefused.notFound("no user " + name)).user();
        Role role = change.role().orElse(before.role());
        boolean disabled = change.disabled().orElse(before.disabledAt().isPresent());
        if (before.role() == Role.ADMIN && before.disabledAt().isEmpty() && (role != Role.ADMIN || disabled)
                && UserTable.count(c, true) <= 1) {
            throw AccountRefused.conflict("this is the last enabled admin; create or enable another one first");
        }
        if (change.role().isPresent() || change.stores().isPresent()) {
            Set<String> stores = change.stores().orElse(role.storeScoped() ? before.stores() : Set.of());
            UserTable.setRole(c, name, role, AccountRules.storesFor(role, stores));
        }
        if (change.disabled().isPresent()) {
            UserTable.setDisabled(c, name, disabled ? (Long) now : null);
        }
        if (newHash.isPresent()) {
            UserTable.setPassword(c, name, newHash.get());
        }
        if (disabled || newHash.isPresent()) {
            SessionTable.deleteForUser(c, name);
        }
        return UserTable.find(c, name).orElseThrow().user();
    }
}
