package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DecisionRoutesIT} on PostgreSQL, in a schema of its own. */
class DecisionRoutesPostgresIT extends DecisionRoutesIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
