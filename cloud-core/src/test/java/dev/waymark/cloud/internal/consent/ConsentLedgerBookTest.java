package dev.waymark.cloud.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.TestEvents;
import dev.waymark.cloud.internal.identity.TestStore;
import dev.waymark.decision.ConsentView;
import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.ConsentState;
import dev.waymark.protocol.event.ConsentUpdate;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentLedgerBookTest {

    /** TCF v2 test vector (iabtcf-java): consent for purposes 2 and 10 only, so every purpose of ours is denied. */
    static final String TC_STRING = "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA";
    static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path dir;
    TestStore db;
    ConsentLedgerBook underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        db = new TestStore(storeUrl());
        underTest = new ConsentLedgerBook(new UlidGenerator(Clock.systemUTC(), new SecureRandom()),
                Clock.fixed(TestEvents.AT, ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private ConsentView view(String profile) throws Exception {
        return db.write(c -> underTest.view(c, profile));
    }

    private List<StoredConsent> history(String profile) throws Exception {
        return db.write(c -> underTest.history(c, profile));
    }

    private void state(String profile, Purpose purpose, Channel channel, ConsentStatus status, Instant at)
            throws Exception {
        db.write(c -> underTest.append(c, ConsentRecord.of(profile, purpose, channel, status, "test", at)));
    }

    @Test
    void view_nothingRecorded_deniesMarketingAndPermitsService() throws Exception {
        ConsentView view = view("P");

        assertThat(view.permits("marketing", "kiosk")).isFalse();
        assertThat(view.permits("service", "email")).isTrue();
    }

    @Test
    void record_kioskConsentUpdate_appendsItAndTheViewPermitsIt() throws Exception {
        var event = TestEvents.device("store-1", "kiosk-1",
                new ConsentUpdate("sess-1", "marketing", "email", ConsentState.GRANTED, Optional.of("form-7")));

        db.write(c -> {
            underTest.record(c, "P", event);
            return null;
        });

        assertThat(view("P").permits("marketing", "email")).isTrue();
        assertThat(view("P").permits("marketing", "sms")).isFalse();
        assertThat(history("P")).singleElement().satisfies(row -> {
            assertThat(row.record().source()).isEqualTo("kiosk");
            assertThat(row.record().evidence()).isEqualTo("form-7");
            assertThat(row.record().time()).isEqualTo(event.time());
        });
    }

    @Test
    void record_unknownPurposeOrChannel_recordsNothing() throws Exception {
        db.write(c -> {
            underTest.record(c, "P", TestEvents.device("s", "k",
                    new ConsentUpdate("x", "telepathy", "email", ConsentState.GRANTED, Optional.empty())));
            underTest.record(c, "P", TestEvents.device("s", "k",
                    new ConsentUpdate("x", "marketing", "pigeon", ConsentState.GRANTED, Optional.empty())));
            return null;
        });

        assertThat(history("P")).isEmpty();
    }

    @Test
    void record_webGpcTwice_deniesMarketingOnEveryChannelWithOneRecord() throws Exception {
        state("P", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, T1);
        db.write(c -> {
            underTest.record(c, "P", TestEvents.page("anon", TestEvents.json(Map.of("gpc", true))));
            underTest.record(c, "P", TestEvents.page("anon", TestEvents.json(Map.of("gpc", true))));
            return null;
        });

        assertThat(view("P").permits("marketing", "email")).isFalse();
        assertThat(history("P")).hasSize(2).last().satisfies(row -> {
            assertThat(row.record().source()).isEqualTo("gpc");
            assertThat(row.record().channels()).isEqualTo(ConsentRecord.ALL_CHANNELS);
        });
    }

    @Test
    void record_tcString_recordsEachPurposeForTheWebWithTheStringAsEvidence() throws Exception {
        db.write(c -> {
            underTest.record(c, "P", TestEvents.page("anon", TestEvents.json(Map.of("tcString", TC_STRING))));
            underTest.record(c, "P", TestEvents.page("anon", TestEvents.json(Map.of("tcString", "not-a-tc-string"))));
            return null;
        });

        assertThat(history("P")).extracting(row -> row.record().purpose()).containsExactly(Purpose.MARKETING,
                Purpose.PERSONALIZATION, Purpose.ANALYTICS);
        assertThat(history("P")).allSatisfy(row -> {
            assertThat(row.record().evidence()).isEqualTo(TC_STRING);
            assertThat(row.record().channels()).containsExactly(Channel.WEB);
            assertThat(row.record().status()).isEqualTo(ConsentStatus.DENIED);
        });
    }

    @Test
    void merged_laterGrantOfTheMergedProfile_losesToTheSurvivorsDenial() throws Exception {
        state("INTO", Purpose.MARKETING, Channel.KIOSK, ConsentStatus.DENIED, T1);
        state("FROM", Purpose.MARKETING, Channel.KIOSK, ConsentStatus.GRANTED, T2);
        state("FROM", Purpose.ANALYTICS, Channel.WEB, ConsentStatus.GRANTED, T1);

        db.write(c -> {
            underTest.merged(c, "FROM", "INTO");
            return null;
        });

        assertThat(view("INTO").permits("marketing", "kiosk")).isFalse();
        assertThat(view("INTO").permits("analytics", "web")).isTrue();
        assertThat(history("FROM")).isEmpty();
        assertThat(history("INTO")).extracting(StoredConsent::givenBy).contains("INTO", "FROM");
        assertThat(history("INTO")).last().satisfies(row -> {
            assertThat(row.record().source()).isEqualTo(ConsentLedgerBook.MERGE_SOURCE);
            assertThat(row.record().evidence()).isEqualTo("from profile FROM");
        });
    }

    @Test
    void merged_denialOfTheMergedProfile_beatsTheSurvivorsLaterGrant() throws Exception {
        state("INTO", Purpose.PERSONALIZATION, Channel.WEB, ConsentStatus.GRANTED, T2);
        state("FROM", Purpose.PERSONALIZATION, Channel.WEB, ConsentStatus.WITHDRAWN, T1);

        db.write(c -> {
            underTest.merged(c, "FROM", "INTO");
            return null;
        });

        assertThat(view("INTO").permits("personalization", "web")).isFalse();
    }

    @Test
    void resolve_mergingProfiles_movesConsentsThroughTheHook() throws Exception {
        IdentityGraph graph = new IdentityGraph(Namespaces.defaults(),
                new UlidGenerator(Clock.systemUTC(), new SecureRandom()));
        graph.onMerge(underTest);
        String known = db.write(c -> graph.resolve(c, List.of(new Identifier("crm", "tok:K")), "e1", T1))
                .profileId();
        String anonymous = db.write(c -> graph.resolve(c, List.of(new Identifier("cookie", "c")), "e2", T1))
                .profileId();
        state(anonymous, Purpose.MARKETING, Channel.WEB, ConsentStatus.GRANTED, T1);

        db.write(c -> graph.resolve(c, List.of(new Identifier("cookie", "c"), new Identifier("crm", "tok:K")),
                "e3", T2));

        assertThat(view(known).permits("marketing", "web")).isTrue();
        assertThat(history(anonymous)).isEmpty();
    }
}
