package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on PostgreSQL, in a schema of its own per test; skipped (loudly) without WM_PG_URL. */
class PostgresDeviceRegistryIT extends DeviceRegistryContract {

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @Override
    DeviceRegistry open() {
        return JdbcDeviceRegistry.open(postgres.url());
    }

    @Test
    void connectionDroppedByTheServer_failsOneCall_andTheNextReconnects() throws Exception {
        String name = "wm-registry-" + UUID.randomUUID();
        try (DeviceRegistry registry = JdbcDeviceRegistry.open(postgres.url() + "&ApplicationName=" + name)) {
            registry.audit(AuditEntry.of(Instant.EPOCH, "admin", "token.create", "store-1", "ok"));

            assertThat(terminate(name)).isEqualTo(1);

            assertThatThrownBy(() -> registry.find("k1")).isInstanceOf(IllegalStateException.class);
            assertThat(registry.auditSince(0, 10)).extracting(AuditEntry::action).containsExactly("token.create");
            assertThat(registry.find("k1")).isEmpty();
        }
    }

    /** Ends the server sessions with this application name, as a PostgreSQL restart would; returns how many. */
    private static int terminate(String applicationName) throws Exception {
        try (Connection admin = DriverManager.getConnection(System.getenv(PostgresSchema.ENV).strip());
             PreparedStatement kill = admin.prepareStatement("SELECT count(pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, applicationName);
            try (ResultSet rs = kill.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
