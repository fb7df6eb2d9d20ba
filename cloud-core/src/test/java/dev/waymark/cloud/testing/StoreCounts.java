package dev.waymark.cloud.testing;

import dev.waymark.cloud.Store;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

/** Reads one number from a store, for assertions. */
public final class StoreCounts {

    private StoreCounts() {
    }

    /** The first column of the first row of {@code sql} (a {@code COUNT(*)}, say), read on a reading connection. */
    public static long count(Store store, String sql) throws Exception {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }).await(10, TimeUnit.SECONDS);
    }
}
