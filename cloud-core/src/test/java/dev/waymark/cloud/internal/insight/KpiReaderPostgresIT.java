package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KpiReaderTest} on PostgreSQL, in a schema of its own. */
class KpiReaderPostgresIT extends KpiReaderTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
