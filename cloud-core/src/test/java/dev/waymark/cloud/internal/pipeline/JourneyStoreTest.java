package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.ProductView;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyStoreTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:00Z");

    @TempDir
    Path dir;

    private final JourneyEngine engine = JourneyEngine.defaults();
    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SplittableRandom(3));
    private final JourneyStore underTest = new JourneyStore(100, false);
    private Vertx vertx;
    private JdbcStore store;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 1);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void save_twiceBeforeFlush_writesOnlyTheLatestContextAtFlush() throws Exception {
        JourneyContext viewed = engine.onEvent(JourneyContext.empty("p1"), view()).state();
        JourneyContext added = engine.onEvent(viewed, cartAdd()).state();
        store.write(c -> {
            underTest.save("p1", viewed, AT);
            underTest.save("p1", added, AT);
            assertThat(rows(c)).isZero();
            assertThat(underTest.load(c, "p1")).isEqualTo(added);
            underTest.flush(c);
            return null;
        }).await(10, TimeUnit.SECONDS);

        assertThat(store.read(c -> JourneyStore.read(c, "p1")).await(10, TimeUnit.SECONDS)).contains(added);
    }

    @Test
    void forget_afterSave_dropsTheStagedContext() throws Exception {
        JourneyContext viewed = engine.onEvent(JourneyContext.empty("p1"), view()).state();
        store.write(c -> {
            underTest.save("p1", viewed, AT);
            underTest.forget();
            underTest.flush(c);
            assertThat(underTest.load(c, "p1")).isEqualTo(JourneyContext.empty("p1"));
            return null;
        }).await(10, TimeUnit.SECONDS);

        assertThat(store.read(JourneyStoreTest::rows).await(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void merged_whileTheMergedProfileIsStaged_keepsOnlyTheSurvivor() throws Exception {
        JourneyContext viewed = engine.onEvent(JourneyContext.empty("from"), view()).state();
        store.write(c -> {
            underTest.save("from", viewed, AT);
            underTest.merged(c, "from", "into");
            underTest.flush(c);
            return null;
        }).await(10, TimeUnit.SECONDS);

        assertThat(store.read(c -> JourneyStore.read(c, "from")).await(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(store.read(c -> JourneyStore.read(c, "into")).await(10, TimeUnit.SECONDS)).hasValueSatisfying(
                context -> assertThat(context.profileKey()).isEqualTo("into"));
    }

    private CloudEvent view() {
        return CloudEvent.of(ids.next(), Source.device("store-1", "kiosk-1"), AT, 1,
                new ProductView("ks_1", "SKU-1", "running-shoes", 12_999, "EUR"));
    }

    private CloudEvent cartAdd() {
        return CloudEvent.of(ids.next(), Source.device("store-1", "kiosk-1"), AT.plusSeconds(5), 2,
                new CartAdd("ks_1", "SKU-1", "running-shoes", 1, 12_999, "EUR"));
    }

    private static long rows(Connection c) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM journeys");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
