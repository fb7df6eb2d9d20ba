package dev.waymark.cloud.internal.consent;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConsentRoutesIT} on PostgreSQL, in a schema of its own. */
class ConsentRoutesPostgresIT extends ConsentRoutesIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
