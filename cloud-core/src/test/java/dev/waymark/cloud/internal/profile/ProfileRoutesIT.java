package dev.waymark.cloud.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.TestStore;
import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileRoutesIT {

    static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;
    TestStore db;
    ApiServer api;
    IdentityGraph graph;
    ConsentLedgerBook book;
    String survivor;
    String merged;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void start() throws Exception {
        db = new TestStore(storeUrl());
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
        graph = new IdentityGraph(Namespaces.defaults(), ids);
        book = new ConsentLedgerBook(ids, Clock.systemUTC());
        graph.onMerge(book);
        Map<String, ProfileSection> sections = new LinkedHashMap<>();
        sections.put("journey", (c, profileId) -> new JsonObject().put("stage", "consideration"));
        sections.put("decisions", (c, profileId) -> new JsonArray().add(new JsonObject().put("id", "d1")));
        ProfileRoutes underTest = new ProfileRoutes(db.store, new HeaderGuard(), Namespaces.defaults(), book,
                sections);
        api = new ApiServer(db.vertx, underTest::mount);
        survivor = resolve("e1", new Identifier("loyalty", "tok:L"), new Identifier("kiosk_session", "s1/k1/a"));
        merged = resolve("e2", new Identifier("cookie", "anon-1"));
        db.write(c -> book.append(c, ConsentRecord.of(merged, Purpose.MARKETING, Channel.WEB,
                ConsentStatus.GRANTED, "test", AT)));
        resolve("e3", new Identifier("cookie", "anon-1"), new Identifier("loyalty", "tok:L"));
    }

    private String resolve(String cause, Identifier... identifiers) throws Exception {
        return db.write(c -> graph.resolve(c, List.of(identifiers), cause, AT)).profileId();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        db.close();
    }

    @Test
    void get_knownToken_showsIdentitiesMergesConsentsAndSections() throws Exception {
        var response = api.get("/v1/profiles/loyalty/tok:L", "read");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject profile = response.bodyAsJsonObject();
        assertThat(profile.getString("profileId")).isEqualTo(survivor);
        assertThat(profile.getJsonArray("identities")).hasSize(3)
                .contains(new JsonObject().put("namespace", "cookie").put("value", "anon-1"));
        assertThat(profile.getJsonArray("mergedFrom").getJsonObject(0).getString("from")).isEqualTo(merged);
        assertThat(profile.getJsonArray("mergedFrom").getJsonObject(0).getString("cause")).isEqualTo("e3");
        JsonObject consents = profile.getJsonObject("consents");
        assertThat(consents.getJsonObject("effective").getJsonObject("marketing").getJsonObject("web")
                .getBoolean("permitted")).isTrue();
        assertThat(consents.getJsonArray("history").getJsonObject(0).getString("givenBy")).isEqualTo(merged);
        assertThat(profile.getJsonObject("journey").getString("stage")).isEqualTo("consideration");
        assertThat(profile.getJsonArray("decisions")).hasSize(1);
    }

    @Test
    void get_kioskSessionWithEncodedSlashes_findsTheProfile() throws Exception {
        var response = api.get("/v1/profiles/kiosk_session/s1%2Fk1%2Fa", "read");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("profileId")).isEqualTo(survivor);
    }

    @Test
    void get_mergedProfileId_leadsToTheSurvivor() throws Exception {
        var response = api.get("/v1/profiles/profile/" + merged, "read");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("profileId")).isEqualTo(survivor);
    }

    @Test
    void get_unknownIdentifier_is404NamingIt() throws Exception {
        var response = api.get("/v1/profiles/crm/tok:nobody", "read");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getString("message")).contains("crm:tok:nobody");
    }

    @Test
    void get_unknownNamespaceOrOversizeId_is400NamingTheField() throws Exception {
        var namespace = api.get("/v1/profiles/passport/x", "read");
        var id = api.get("/v1/profiles/crm/" + "x".repeat(300), "read");

        assertThat(namespace.statusCode()).isEqualTo(400);
        assertThat(namespace.bodyAsJsonObject().getString("field")).isEqualTo("namespace");
        assertThat(id.statusCode()).isEqualTo(400);
        assertThat(id.bodyAsJsonObject().getString("field")).isEqualTo("id");
    }

    @Test
    void get_withoutCredentialsOrScope_isRefused() throws Exception {
        assertThat(api.get("/v1/profiles/loyalty/tok:L", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/v1/profiles/loyalty/tok:L", "consent").statusCode()).isEqualTo(403);
    }
}
