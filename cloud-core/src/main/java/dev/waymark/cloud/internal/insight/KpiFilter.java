package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.http.Caller;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a KPI report covers: an optional store and action, the period {@code [from, to)} and the stores the caller
 * may see ({@link Caller#ALL_STORES} for every store).
 */
public record KpiFilter(Optional<String> store, Optional<String> action, Instant from, Instant to,
        Set<String> visibleStores) {

    public KpiFilter {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        visibleStores = Set.copyOf(visibleStores);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
    }

    /** Every store and action over {@code [from, to)}. */
    public static KpiFilter all(Instant from, Instant to) {
        return new KpiFilter(Optional.empty(), Optional.empty(), from, to, Caller.ALL_STORES);
    }

    /** A SQL condition and its parameters, in order. */
    record Clause(String sql, List<Object> params) {

        /** Binds the parameters starting at index {@code first}; returns the next free index. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object param : params) {
                statement.setObject(index++, param);
            }
            return index;
        }
    }

    /**
     * The condition selecting this filter's rows: {@code time} in the period, {@code storeColumn} the store or one
     * of the visible stores, and (when {@code actionColumn} is not null) the action.
     */
    Clause where(String time, String storeColumn, String actionColumn) {
        StringBuilder sql = new StringBuilder(time).append(" >= ? AND ").append(time).append(" < ?");
        List<Object> params = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        if (store.isPresent()) {
            sql.append(" AND ").append(storeColumn).append(" = ?");
            params.add(store.get());
        } else if (visibleStores.isEmpty()) {
            sql.append(" AND 1 = 0");
        } else if (!visibleStores.contains("*")) {
            sql.append(" AND ").append(storeColumn).append(" IN (")
                    .append(String.join(", ", visibleStores.stream().map(s -> "?").toList())).append(')');
            params.addAll(visibleStores.stream().sorted().toList());
        }
        if (actionColumn != null && action.isPresent()) {
            sql.append(" AND ").append(actionColumn).append(" = ?");
            params.add(action.get());
        }
        return new Clause(sql.toString(), List.copyOf(params));
    }
}
