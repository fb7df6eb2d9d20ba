package dev.waymark.cloud.internal.subject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Identifiers;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.TestEvents;
import dev.waymark.cloud.internal.identity.TestStore;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.SessionStart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Erasure} on a real SQLite store: the event log's tail, the KPI facts, the audit row and the block. */
class ErasureTest {

    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
    private static final byte[] SECRET = new byte[32];

    @TempDir
    Path dir;
    TestStore db;
    IdentityGraph identity;
    RelinkBlock block;
    List<String> forgotten;
    List<String> notices;
    Erasure underTest;

    @BeforeEach
    void open() throws Exception {
        Arrays.fill(SECRET, (byte) 7);
        db = new TestStore("jdbc:sqlite:" + dir.resolve("cloud.db"));
        identity = new IdentityGraph(Namespaces.defaults(), IDS);
        block = new RelinkBlock(PseudonymizationKey.of("k1", SECRET));
        forgotten = new ArrayList<>();
        notices = new ArrayList<>();
        underTest = new Erasure(block, (c, profileId, erasureId, index, at) -> {
            notices.add(erasureId + ":" + index + ":" + profileId);
            return 2;
        }, forgotten::addAll);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void erase_kioskShopper_deletesTheirLoggedEventsAnonymisesKpisAuditsAndBlocksWithoutNamingThem()
            throws Exception {
        CloudEvent mine = TestEvents.loyaltyScan("sess-1", "tok:k1:mine");
        CloudEvent theirs = TestEvents.loyaltyScan("sess-2", "tok:k1:theirs");
        String profileId = db.write(c -> resolve(c, mine));
        db.write(c -> resolve(c, theirs));
        db.write(c -> {
            log(c, 1, mine);
            log(c, 2, theirs);
            // Names the shopper only through the kiosk session store-1/kiosk-1/sess-1, found by decoding.
            log(c, 3, TestEvents.device("store-1", "kiosk-1", new SessionStart("sess-1", "en-GB")));
            purchase(c, profileId, 1000);
            return null;
        });

        ErasureReport report = db.write(c -> underTest.erase(c, MergeFamily.of(c,
                new Identifier("loyalty", "tok:k1:mine")).orElseThrow(), "E1", "officer", true, TestEvents.AT));

        assertThat(db.column("SELECT payload FROM event_log")).singleElement().asString().contains("sess-2");
        assertThat(db.column("SELECT profile_id FROM kpi_purchases")).containsExactly("erased:E1");
        assertThat(db.column("SELECT profile_id FROM identities")).doesNotContain(profileId).hasSize(2);
        assertThat(report.removed()).containsEntry("event_log", 2).containsEntry("identities", 2)
                .containsEntry("profiles", 1);
        assertThat(report.anonymised()).containsEntry("kpi_purchases", 1);
        assertThat(forgotten).containsExactly(profileId);
        String audit = String.join(" ", db.column("SELECT erasure_id || erased_by || removed || anonymised "
                + "FROM erasures"));
        assertThat(audit).contains("E1", "officer").doesNotContain(profileId, "tok:k1:mine", "sess-1");
        assertThat(db.column("SELECT identifier_hash FROM blocked_identifiers")).hasSize(2)
                .noneMatch(hash -> hash.contains("mine"));
        assertThat(db.store.read(c -> block.blocks(c, List.of(new Identifier("loyalty", "tok:k1:mine"))))
                .await()).isTrue();
        assertThat(db.store.read(c -> block.blocks(c, List.of(new Identifier("loyalty", "tok:k1:theirs"))))
                .await()).isFalse();
    }

    @Test
    void erase_withoutBlock_letsTheIdentifiersLinkAgain() throws Exception {
        CloudEvent mine = TestEvents.loyaltyScan("sess-1", "tok:k1:mine");
        db.write(c -> resolve(c, mine));

        ErasureReport report = db.write(c -> underTest.erase(c, MergeFamily.of(c,
                new Identifier("loyalty", "tok:k1:mine")).orElseThrow(), "E2", "officer", false, TestEvents.AT));

        assertThat(report.blocked()).isZero();
        assertThat(db.column("SELECT identifier_hash FROM blocked_identifiers")).isEmpty();
        assertThat(notices).as("the CRM told, in the erasure's transaction").singleElement().asString()
                .startsWith("E2:0:");
        assertThat(report.crmNotices()).as("one message per connector").isEqualTo(2);
    }

    private String resolve(Connection c, CloudEvent event) throws SQLException {
        return identity.resolve(c, Identifiers.of(event),
                event.source() + " " + event.id(), event.time()).profileId();
    }

    private static void log(Connection c, long position, CloudEvent event) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO event_log (position, log_key, payload) VALUES (?, ?, ?)")) {
            insert.setLong(1, position);
            insert.setString(2, event.source());
            insert.setString(3, new String(EventCodec.create().encode(event), StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private static void purchase(Connection c, String profileId, long at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO kpi_purchases (profile_id, store_id, at, value) VALUES (?, 'store-1', ?, 100)")) {
            insert.setString(1, profileId);
            insert.setLong(2, at);
            insert.executeUpdate();
        }
    }
}
