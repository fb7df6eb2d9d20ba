package dev.waymark.cloud.internal.accounts;

import static dev.waymark.cloud.internal.accounts.AccountsFixture.await;
import static dev.waymark.cloud.internal.accounts.AccountsFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Scope;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    private static final Caller ADMIN = new Caller("root", Set.of(Scope.values()), Caller.ALL_STORES);

    @TempDir
    Path dir;
    AccountsFixture fixture;
    ApiKeys underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new AccountsFixture(storeUrl());
        underTest = fixture.accounts.keys();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void create_publicKey_isAWriteKeyWithTrackOnly() {
        IssuedKey issued = await(underTest.create(request(KeyKind.PUBLIC, Set.of(), Set.of()), ADMIN));

        assertThat(issued.secret()).startsWith("wm_pk_").hasSize(49);
        assertThat(issued.key().scopes()).containsExactly(Scope.TRACK);
        assertThat(await(fixture.accounts.isWriteKey(issued.secret()))).isTrue();
    }

    @Test
    void isWriteKey_secretKeyWithoutTrackOrRevoked_isFalse() {
        IssuedKey decide = await(underTest.create(request(KeyKind.SECRET, Set.of(Scope.DECIDE), Set.of()), ADMIN));
        IssuedKey track = await(underTest.create(request(KeyKind.SECRET, Set.of(Scope.TRACK), Set.of()), ADMIN));

        assertThat(await(fixture.accounts.isWriteKey(decide.secret()))).isFalse();
        assertThat(await(fixture.accounts.isWriteKey(track.secret()))).isTrue();
        await(underTest.revoke(track.key().id()));
        assertThat(await(fixture.accounts.isWriteKey(track.secret()))).isFalse();
        assertThat(await(fixture.accounts.isWriteKey("wm_pk_" + "A".repeat(43)))).isFalse();
        assertThat(await(fixture.accounts.isWriteKey("wm_pk_" + "A".repeat(5000)))).isFalse();
    }

    @Test
    void find_keyWithTheOtherKindsPrefix_isNotFound() {
        IssuedKey secret = await(underTest.create(request(KeyKind.SECRET, Set.of(Scope.READ), Set.of()), ADMIN));

        assertThat(await(underTest.find(secret.secret()))).isPresent();
        assertThat(await(underTest.find("wm_pk_" + secret.secret().substring(6)))).isEmpty();
    }

    @Test
    void list_showsKeysButNeverTheirSecrets() {
        IssuedKey issued = await(underTest.create(request(KeyKind.SECRET, Set.of(Scope.READ), Set.of("s-1")), ADMIN));

        assertThat(await(underTest.list())).containsExactly(issued.key());
        assertThat(issued.key().toString()).doesNotContain(issued.secret().substring(6));
    }

    @Test
    void create_badRequest_isRefusedNamingTheField() {
        assertField(underTest.create(request(KeyKind.PUBLIC, Set.of(Scope.READ), Set.of()), ADMIN), "scopes");
        assertField(underTest.create(request(KeyKind.PUBLIC, Set.of(), Set.of("s-1")), ADMIN), "stores");
        assertField(underTest.create(request(KeyKind.SECRET, Set.of(), Set.of()), ADMIN), "scopes");
        assertField(underTest.create(new KeyRequest(KeyKind.SECRET, Set.of(Scope.READ), Set.of(), "<script>"), ADMIN),
                "label");
    }

    @Test
    void create_beyondTheCreatorsOwnGrant_isForbidden() {
        Caller limited = new Caller("key_x", Set.of(Scope.ACCOUNTS, Scope.READ), Set.of("s-1"));

        assertThat(status(underTest.create(request(KeyKind.SECRET, Set.of(Scope.DECIDE), Set.of("s-1")), limited)))
                .isEqualTo(403);
        assertThat(status(underTest.create(request(KeyKind.SECRET, Set.of(Scope.READ), Set.of()), limited)))
                .isEqualTo(403);
        assertThat(status(underTest.create(request(KeyKind.SECRET, Set.of(Scope.READ), Set.of("s-2")), limited)))
                .isEqualTo(403);
        assertThat(await(underTest.create(request(KeyKind.SECRET, Set.of(Scope.READ), Set.of("s-1")), limited))
                .key().caller().stores()).containsExactly("s-1");
    }

    @Test
    void revoke_unknownKey_isNotFound() {
        assertThat(status(underTest.revoke("key_nope"))).isEqualTo(404);
    }

    private static KeyRequest request(KeyKind kind, Set<Scope> scopes, Set<String> stores) {
        return new KeyRequest(kind, scopes, stores, "web shop");
    }

    private static int status(io.vertx.core.Future<?> future) {
        return ((AccountRefused) failure(future)).status();
    }

    private static void assertField(io.vertx.core.Future<?> future, String field) {
        AccountRefused refused = (AccountRefused) failure(future);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field()).contains(field);
    }
}
