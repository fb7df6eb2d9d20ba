package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ProfileRoutingIT} with the replicas' store on PostgreSQL, in a schema of its own. */
class ProfileRoutingPostgresIT extends ProfileRoutingIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
