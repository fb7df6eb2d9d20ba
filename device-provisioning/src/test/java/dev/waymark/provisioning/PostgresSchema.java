package dev.waymark.provisioning;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL schema per test in the database {@code WM_PG_URL} names, dropped after it; without the variable
 * each test is reported skipped and the run says so once on stderr. (cloud-core's PostgresSchema does the same per
 * class; this module cannot depend on cloud-core.)
 */
final class PostgresSchema implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {

    static final String ENV = "WM_PG_URL";
    private static final String SKIP = ENV + " is not set: the PostgreSQL registry tests are SKIPPED. Set it, e.g. "
            + ENV + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres, to run them.";
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static final SecureRandom RANDOM = new SecureRandom();

    private String schema;

    /** The URL of this test's schema; valid from before-each to after-each. */
    String url() {
        if (schema == null) {
            throw new IllegalStateException("PostgresSchema is not started: register it with @RegisterExtension");
        }
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv(ENV);
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled(ENV + " is set");
        }
        if (TOLD.compareAndSet(false, true)) {
            System.err.println("\n*** " + SKIP + " ***\n");
        }
        return ConditionEvaluationResult.disabled(SKIP);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        String name = "wm_registry_test_" + HexFormat.of().formatHex(suffix);
        execute("CREATE SCHEMA " + name);
        schema = name;
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            schema = null;
        }
    }

    private static String baseUrl() {
        return System.getenv(ENV).strip();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
