package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ApiKeysTest} on PostgreSQL, in a schema of its own. */
class ApiKeysPostgresIT extends ApiKeysTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
