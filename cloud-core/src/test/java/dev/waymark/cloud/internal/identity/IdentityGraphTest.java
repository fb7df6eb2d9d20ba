package dev.waymark.cloud.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityGraphTest {

    @TempDir
    Path dir;
    TestStore db;
    IdentityGraph underTest;
    final List<String> hookCalls = new ArrayList<>();

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        db = new TestStore(storeUrl());
        underTest = new IdentityGraph(Namespaces.defaults(), new UlidGenerator(Clock.systemUTC(), new SecureRandom()));
        underTest.onMerge((c, from, into) -> hookCalls.add(from + ">" + into));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private Resolution resolve(String cause, Identifier... identifiers) throws Exception {
        return db.write(c -> underTest.resolve(c, List.of(identifiers), cause, TestEvents.AT));
    }

    private Resolution resolve(CloudEvent event) throws Exception {
        return db.write(c -> underTest.resolve(c, Identifiers.of(event), event.source() + " " + event.id(),
                event.time()));
    }

    private static Identifier id(String namespace, String value) {
        return new Identifier(namespace, value);
    }

    @Test
    void resolve_kioskLoyaltyScanThenWebIdentifyWithSameToken_resolveToOneProfile() throws Exception {
        Resolution kiosk = resolve(TestEvents.loyaltyScan("sess-1", "tok:loyal-1"));
        Resolution browsing = resolve(TestEvents.page("anon-7", TestEvents.json(Map.of())));

        Resolution identify = resolve(TestEvents.identify("anon-7", Optional.empty(),
                Map.of("loyaltyId", "tok:loyal-1"), TestEvents.json(Map.of())));

        assertThat(browsing.profileId()).isNotEqualTo(kiosk.profileId());
        assertThat(identify.profileId()).isEqualTo(kiosk.profileId());
        assertThat(identify.mergedFrom()).containsExactly(browsing.profileId());
        assertThat(db.column("SELECT DISTINCT profile_id FROM identities")).containsExactly(kiosk.profileId());
        assertThat(db.column("SELECT namespace FROM identities ORDER BY namespace"))
                .containsExactly("cookie", "kiosk_session", "loyalty");
    }

    @Test
    void resolve_conflictingCrmId_refusesLinkAndRecordsIt() throws Exception {
        Resolution first = resolve("e1", id("crm", "tok:A"), id("cookie", "c1"));
        Resolution second = resolve("e2", id("crm", "tok:B"), id("email", "tok:mail-b"));

        Resolution linking = resolve("e3", id("cookie", "c1"), id("email", "tok:mail-b"));

        assertThat(linking.refused()).hasSize(1);
        assertThat(linking.mergedFrom()).isEmpty();
        assertThat(hookCalls).isEmpty();
        assertThat(db.column("SELECT profile_id FROM profiles WHERE merged_into IS NULL ORDER BY profile_id"))
                .containsExactlyInAnyOrder(first.profileId(), second.profileId());
        assertThat(db.column("SELECT reason FROM refused_links WHERE cause = 'e3'"))
                .containsExactly("unique namespace crm would hold two values");
        assertThat(db.column("SELECT profile_id FROM identities WHERE value = 'tok:A'"))
                .containsExactly(first.profileId());
        assertThat(linking.profileId()).isEqualTo(second.profileId());
    }

    @Test
    void resolve_freshCrmIdClashingWithTheProfile_getsItsOwnProfileAndIsRecorded() throws Exception {
        Resolution known = resolve("e1", id("crm", "tok:A"), id("cookie", "c1"));

        Resolution other = resolve("e2", id("cookie", "c1"), id("crm", "tok:B"));

        assertThat(other.profileId()).isNotEqualTo(known.profileId());
        assertThat(other.refused()).hasSize(1);
        assertThat(db.column("SELECT profile_id FROM identities WHERE value = 'tok:B'"))
                .containsExactly(other.profileId());
        assertThat(db.column("SELECT kept_apart FROM refused_links")).containsExactly(other.profileId());
    }

    @Test
    void resolve_linkingTwoProfiles_movesIdentitiesRecordsMergeAndRunsHooksOnce() throws Exception {
        Resolution older = resolve("e1", id("email", "tok:m"), id("kiosk_session", "s/k/1"));
        Resolution younger = resolve("e2", id("phone", "tok:p"), id("cookie", "c2"));

        Resolution linking = resolve("wm:/web/wk 42", id("email", "tok:m"), id("phone", "tok:p"));

        assertThat(linking.profileId()).isEqualTo(older.profileId());
        assertThat(linking.mergedFrom()).containsExactly(younger.profileId());
        assertThat(hookCalls).containsExactly(younger.profileId() + ">" + older.profileId());
        assertThat(db.column("SELECT DISTINCT profile_id FROM identities")).containsExactly(older.profileId());
        assertThat(db.column("SELECT from_profile || '>' || into_profile || ' ' || cause FROM profile_merges"))
                .containsExactly(younger.profileId() + ">" + older.profileId() + " wm:/web/wk 42");
        assertThat(db.column("SELECT merged_into FROM profiles WHERE profile_id = ?", younger.profileId()))
                .containsExactly(older.profileId());
    }

    @Test
    void resolve_identifyAfterAnonymousBrowsing_keepsTheCookiesHistoryOnTheKnownProfile() throws Exception {
        Resolution known = resolve("e1", id("crm", "tok:C"));
        Resolution anonymous = resolve("e2", id("cookie", "anon-1"));

        Resolution identify = resolve("e3", id("cookie", "anon-1"), id("crm", "tok:C"));

        assertThat(identify.profileId()).isEqualTo(known.profileId());
        assertThat(identify.mergedFrom()).containsExactly(anonymous.profileId());
        assertThat(resolve("e4", id("cookie", "anon-1")).profileId()).isEqualTo(known.profileId());
        assertThat(db.column("SELECT from_profile FROM profile_merges WHERE into_profile = ?", known.profileId()))
                .containsExactly(anonymous.profileId());
    }

    @Test
    void resolve_sameIdentifiersTwice_isIdempotent() throws Exception {
        Resolution first = resolve("e1", id("loyalty", "tok:L"), id("kiosk_session", "s/k/9"));

        Resolution again = resolve("e1", id("loyalty", "tok:L"), id("kiosk_session", "s/k/9"));

        assertThat(again).isEqualTo(new Resolution(first.profileId(), List.of(), List.of()));
        assertThat(db.column("SELECT COUNT(*) FROM identities")).containsExactly("2");
        assertThat(db.column("SELECT COUNT(*) FROM profiles")).containsExactly("1");
    }

    @Test
    void resolve_manyEventsInOneWriterBatch_endsWithOneProfileHoldingEveryIdentifier() throws Exception {
        List<Future<Resolution>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<Identifier> identifiers = List.of(id("kiosk_session", "s/k/" + i), id("loyalty", "tok:shared"),
                    id("cookie", "c" + (i % 7)));
            String cause = "e" + i;
            writes.add(db.store.write(c -> underTest.resolve(c, identifiers, cause, TestEvents.AT)));
        }
        Future.all(writes).await(20, TimeUnit.SECONDS);

        List<String> live = db.column("SELECT profile_id FROM profiles WHERE merged_into IS NULL");
        assertThat(live).hasSize(1);
        assertThat(writes).allSatisfy(write -> assertThat(write.result().profileId()).isEqualTo(live.get(0)));
        assertThat(db.column("SELECT DISTINCT profile_id FROM identities")).containsExactly(live.get(0));
        assertThat(db.column("SELECT COUNT(*) FROM identities")).containsExactly("48");
    }

    @Test
    void resolve_unknownNamespace_isRejectedNamingIt() {
        assertThatThrownBy(() -> resolve("e1", id("passport", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown namespace 'passport'");
    }

    @Test
    void resolve_oversizeOrEmptyInput_isRejectedNamingTheField() {
        assertThatThrownBy(() -> db.write(c -> underTest.resolve(c, List.of(), "e", TestEvents.AT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("identifiers:");
        assertThatThrownBy(() -> resolve("e1", id("cookie", "x".repeat(Identifiers.MAX_VALUE_CHARS + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("identifiers:");
    }
}
