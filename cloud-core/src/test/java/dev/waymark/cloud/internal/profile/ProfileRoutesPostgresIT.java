package dev.waymark.cloud.internal.profile;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ProfileRoutesIT} on PostgreSQL, in a schema of its own. */
class ProfileRoutesPostgresIT extends ProfileRoutesIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
