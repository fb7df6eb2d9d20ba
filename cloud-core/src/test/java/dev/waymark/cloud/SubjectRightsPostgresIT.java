package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.internal.store.PostgresSchema;
import dev.waymark.cloud.testing.CrmReceiver;
import dev.waymark.cloud.testing.RunningCloud;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-subject export and erasure with the store on PostgreSQL: after the erasure, no text column of any table
 * holds the erased person's identifiers or profile ids (PostgreSQL's files are its own: see docs/privacy.md on
 * VACUUM), while the other person's are all still there.
 */
class SubjectRightsPostgresIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();
    @TempDir
    Path dir;
    CrmReceiver crm;
    RunningCloud running;
    ApiClient api;

    // Each test, not the class, starts the cloud: the schema is emptied before each test, accounts included.
    @BeforeEach
    void start() throws Exception {
        crm = new CrmReceiver();
        running = RunningCloud.start(dir.resolve("cloud"), new JsonObject()
                .put("store", new JsonObject().put("url", POSTGRES.url())).put("crm", crm.crmSection()));
        api = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (running != null) {
            running.close();
        }
        crm.close();
    }

    @Test
    void erase_afterExport_leavesNoRowNamingThePersonAndKeepsTheOther() throws Exception {
        SubjectAssertions.Erased erased = SubjectAssertions.playExportAndErase(api);

        assertThat(erased.report().getString("walCheckpoint")).isEqualTo("not_applicable");
        assertThat(rowsNaming(erased.annTraces())).as("rows naming the erased person, but for the CRM notices")
                .allMatch(row -> row.startsWith("outbox."));
        assertThat(rowsNaming(erased.bobTraces())).as("the other person's rows").isNotEmpty();
        SubjectAssertions.returningCookieIsDroppedAndCounted(api, erased.ann().cookie());
        await().atMost(Duration.ofSeconds(30)).until(() -> crm.received("profile.erased").size() == 2);
        // Delivered notices are swept: then no row names the person.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(rowsNaming(erased.annTraces())).isEmpty());
    }

    /** {@code table.column: trace} for every text column of every table whose value contains a trace. */
    private static List<String> rowsNaming(List<String> traces) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(POSTGRES.url())) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT table_name, column_name FROM "
                    + "information_schema.columns WHERE table_schema = ? AND data_type = 'text'")) {
                select.setString(1, POSTGRES.schema());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        columns.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            for (String[] column : columns) {
                for (String trace : traces) {
                    try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + column[0]
                            + " WHERE strpos(" + column[1] + ", ?) > 0")) {
                        count.setString(1, trace);
                        try (ResultSet rows = count.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + ": " + trace);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
