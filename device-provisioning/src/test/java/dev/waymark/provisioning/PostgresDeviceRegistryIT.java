package dev.waymark.provisioning;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on PostgreSQL, in a schema of its own per test; skipped (loudly) without WM_PG_URL. */
class PostgresDeviceRegistryIT extends DeviceRegistryContract {

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @Override
    DeviceRegistry open() {
        return JdbcDeviceRegistry.open(postgres.url());
    }
}
