package dev.waymark.cloud.internal.accounts;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Sets of ids stored in one TEXT column, comma-separated; the ids (store ids, scope names) never hold commas. */
final class CommaList {

    private CommaList() {
    }

    static String join(Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    static Set<String> split(String column) {
        return column.isEmpty() ? Set.of()
                : Arrays.stream(column.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
