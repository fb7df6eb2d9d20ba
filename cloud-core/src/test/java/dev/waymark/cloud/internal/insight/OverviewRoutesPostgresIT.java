package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OverviewRoutesIT} on PostgreSQL, in a schema of its own. */
class OverviewRoutesPostgresIT extends OverviewRoutesIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
