package dev.waymark.cloud.internal.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The machine's PostgreSQL for one test class: a fresh schema {@code wm_test_<random>} made before the class and
 * dropped after it, emptied before each test (the migrations stay applied), reached through a URL with
 * {@code currentSchema}. Without {@value #ENV} every test of the class is reported skipped with the reason, and
 * the first class says so loudly on the console. Register it as a static field with {@code @RegisterExtension}.
 */
public final class PostgresSchema implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        AfterAllCallback {

    /** The environment variable CI sets: a {@code jdbc:postgresql:} URL of a database the tests may use. */
    public static final String ENV = "WM_PG_URL";
    private static final String SKIP = ENV + " is not set: the PostgreSQL tests are SKIPPED. Set it, e.g. "
            + ENV + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres, to run them.";
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static final SecureRandom RANDOM = new SecureRandom();

    private String baseUrl;
    private String schema;

    /** The URL of this class's schema; valid from before-all to after-all. */
    public String url() {
        if (schema == null) {
            throw new IllegalStateException("PostgresSchema is not started: register it with @RegisterExtension");
        }
        return withParameter(baseUrl, "currentSchema=" + schema);
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** A URL of the same database with {@code parameter} (name=value) added. */
    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    private static boolean configured() {
        String url = System.getenv(ENV);
        return url != null && !url.isBlank();
    }

    // Tests, not the class, are disabled, so the reports count each one as skipped with the reason.
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (configured() || context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled(ENV + " is set");
        }
        return ConditionEvaluationResult.disabled(SKIP);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (!configured()) {
            if (TOLD.compareAndSet(false, true)) {
                System.err.println("\n*** " + SKIP + " ***\n");
            }
            return;
        }
        baseUrl = System.getenv(ENV).strip();
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        String name = "wm_test_" + HexFormat.of().formatHex(suffix);
        execute("CREATE SCHEMA " + name);
        schema = name;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(baseUrl);
             PreparedStatement select = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = ? AND table_type = 'BASE TABLE' "
                     + "AND table_name <> 'flyway_schema_history'")) {
            select.setString(1, schema);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    tables.add(schema + "." + rs.getString(1));
                }
            }
        }
        if (!tables.isEmpty()) {
            execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            schema = null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
