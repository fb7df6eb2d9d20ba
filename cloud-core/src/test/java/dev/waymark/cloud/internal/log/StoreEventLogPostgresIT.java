package dev.waymark.cloud.internal.log;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StoreEventLogTest} on PostgreSQL, in a schema of its own. */
class StoreEventLogPostgresIT extends StoreEventLogTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
