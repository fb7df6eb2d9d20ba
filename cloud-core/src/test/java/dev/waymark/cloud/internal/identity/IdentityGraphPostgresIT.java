package dev.waymark.cloud.internal.identity;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link IdentityGraphTest} on PostgreSQL, in a schema of its own. */
class IdentityGraphPostgresIT extends IdentityGraphTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
