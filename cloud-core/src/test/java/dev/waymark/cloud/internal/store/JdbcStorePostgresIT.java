package dev.waymark.cloud.internal.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcStoreTest} on PostgreSQL, in a schema of its own. */
class JdbcStorePostgresIT extends JdbcStoreTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
