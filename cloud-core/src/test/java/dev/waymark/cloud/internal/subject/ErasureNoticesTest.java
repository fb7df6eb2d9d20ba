package dev.waymark.cloud.internal.subject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.identity.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ErasureNotices#sweep} on a real SQLite store. */
class ErasureNoticesTest {

    private static final String NOTICE = "{\"type\":\"profile.erased\",\"profileId\":\"p-1\"}";

    @TempDir
    Path dir;
    TestStore db;

    @BeforeEach
    void open() throws Exception {
        db = new TestStore("jdbc:sqlite:" + dir.resolve("cloud.db"));
        db.write(c -> {
            row(c, "early", "crm.webhook", NOTICE, "delivered", 1_000);
            row(c, "late", "crm.salesforce", NOTICE, "delivered", 5_000);
            row(c, "unsent", "crm.webhook", NOTICE, "pending", 5_000);
            row(c, "linked", "crm.webhook", "{\"type\":\"profile.linked\",\"profileId\":\"p-2\"}", "delivered", 5_000);
            row(c, "action", "device", "{\"type\":\"profile.erased\"}", "delivered", 5_000);
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void sweep_deletesOnlyDeliveredCrmErasureNoticesFinishedAfterTheWatermark() throws Exception {
        int swept = db.write(c -> ErasureNotices.sweep(c, 2_000));
        assertThat(swept).isEqualTo(1);
        assertThat(db.column("SELECT id FROM outbox ORDER BY id")).containsExactly("action", "early", "linked",
                "unsent");

        int all = db.write(c -> ErasureNotices.sweep(c, 0));
        assertThat(all).as("the first sweep after a start").isEqualTo(1);
        assertThat(db.column("SELECT id FROM outbox ORDER BY id")).containsExactly("action", "linked", "unsent");
    }

    private static void row(Connection c, String id, String kind, String payload, String state, long lastAttempt)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (id, destination_kind, destination, "
                + "payload, idempotency_key, attempts, next_attempt_at, created_at, state) "
                + "VALUES (?, ?, 'crm', ?, ?, 1, ?, 0, ?)")) {
            insert.setString(1, id);
            insert.setString(2, kind);
            insert.setString(3, payload);
            insert.setString(4, kind + ":" + id);
            insert.setLong(5, lastAttempt);
            insert.setString(6, state);
            insert.executeUpdate();
        }
    }
}
