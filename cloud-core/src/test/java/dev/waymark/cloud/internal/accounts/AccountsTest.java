package dev.waymark.cloud.internal.accounts;

import static dev.waymark.cloud.internal.accounts.AccountsFixture.PASSWORD;
import static dev.waymark.cloud.internal.accounts.AccountsFixture.await;
import static dev.waymark.cloud.internal.accounts.AccountsFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

    @TempDir
    Path dir;
    AccountsFixture fixture;
    Accounts underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    /** A second, empty database. */
    String emptyStoreUrl(Path emptyDir) {
        return "jdbc:sqlite:" + emptyDir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new AccountsFixture(storeUrl());
        underTest = fixture.accounts;
        await(underTest.createUser("mia", PASSWORD, Role.MARKETING, Set.of()));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void signIn_fiveWrongPasswords_locksUntilThePeriodEnds() {
        for (int i = 0; i < 5; i++) {
            assertRefused(underTest.sessions().signIn("mia", "wrong password " + i, Optional.empty()));
        }
        assertRefused(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()));

        fixture.clock.advance(Duration.ofMinutes(14));
        assertRefused(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()));

        fixture.clock.advance(Duration.ofMinutes(1));
        SignedIn signedIn = await(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()));
        assertThat(signedIn.session().user().name()).isEqualTo("mia");
    }

    @Test
    void signIn_successAfterFailures_resetsTheCount() {
        for (int i = 0; i < 4; i++) {
            assertRefused(underTest.sessions().signIn("mia", "wrong password " + i, Optional.empty()));
        }
        await(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()));
        for (int i = 0; i < 4; i++) {
            assertRefused(underTest.sessions().signIn("mia", "wrong password " + i, Optional.empty()));
        }

        assertThat(await(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()))).isNotNull();
    }

    @Test
    void signIn_unknownUser_getsTheSameAnswerAsAWrongPassword() {
        AccountRefused unknown = (AccountRefused) failure(
                underTest.sessions().signIn("nobody", PASSWORD, Optional.empty()));
        AccountRefused wrong = (AccountRefused) failure(
                underTest.sessions().signIn("mia", "not the password", Optional.empty()));

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
        assertThat(unknown.field()).isEqualTo(wrong.field()).isEmpty();
    }

    @Test
    void signIn_disabledUser_isRefusedAndItsSessionsEnd() {
        SignedIn before = await(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()));

        await(underTest.changeUser("mia", change(Optional.empty(), Optional.of(true))));

        assertRefused(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()));
        assertThat(await(underTest.sessions().find(before.sessionId()))).isEmpty();
    }

    @Test
    void session_afterTwelveIdleHours_expiresButUseSlidesIt() {
        SignedIn signedIn = await(underTest.sessions().signIn("mia", PASSWORD, Optional.empty()));

        fixture.clock.advance(Duration.ofHours(11));
        assertThat(await(underTest.sessions().find(signedIn.sessionId()))).isPresent();
        fixture.clock.advance(Duration.ofHours(11));
        assertThat(await(underTest.sessions().find(signedIn.sessionId()))).isPresent();
        fixture.clock.advance(Duration.ofHours(12).plusMinutes(1));
        assertThat(await(underTest.sessions().find(signedIn.sessionId()))).isEmpty();
    }

    @Test
    void caller_ofStoreManager_holdsOnlyItsStoresAndRead() {
        User manager = await(underTest.createUser("sam", PASSWORD, Role.STORE_MANAGER, Set.of("s-1", "s-2")));
        Caller caller = manager.caller();

        assertThat(caller.stores()).containsExactlyInAnyOrder("s-1", "s-2");
        assertThat(caller.scopes()).containsExactly(Scope.READ);
        assertThat(caller.mayAccessStore("s-3")).isFalse();
        assertThat(await(underTest.users()).get(0).caller().stores()).isEqualTo(Caller.ALL_STORES);
    }

    @Test
    void createUser_badInput_isRefusedNamingTheField() {
        assertField(underTest.createUser("Mia Smith", PASSWORD, Role.ADMIN, Set.of()), "name");
        assertField(underTest.createUser("x".repeat(65), PASSWORD, Role.ADMIN, Set.of()), "name");
        assertField(underTest.createUser("tom", "short pw", Role.ADMIN, Set.of()), "password");
        assertField(underTest.createUser("tom", "p".repeat(257), Role.ADMIN, Set.of()), "password");
        assertField(underTest.createUser("tom", PASSWORD, Role.STORE_MANAGER, Set.of()), "stores");
        assertField(underTest.createUser("tom", PASSWORD, Role.FIELD_TECH, Set.of("s/1")), "stores[0]");
        assertField(underTest.createUser("tom", PASSWORD, Role.MARKETING, Set.of("s-1")), "stores");
    }

    @Test
    void createUser_takenName_isAConflict() {
        AccountRefused refused = (AccountRefused) failure(underTest.createUser("mia", PASSWORD, Role.ADMIN, Set.of()));

        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void ensureAdmin_createsAdminOnlyInAnEmptyDatabase(@TempDir Path emptyDir) throws Exception {
        assertThat(await(underTest.ensureAdmin(PASSWORD))).isFalse();
        try (AccountsFixture empty = new AccountsFixture(emptyStoreUrl(emptyDir))) {
            assertThat(await(empty.accounts.ensureAdmin(PASSWORD))).isTrue();
            assertThat(await(empty.accounts.ensureAdmin(PASSWORD))).isFalse();
            SignedIn admin = await(empty.accounts.sessions().signIn("admin", PASSWORD, Optional.empty()));
            assertThat(admin.session().user().caller().scopes()).containsAll(Set.of(Scope.values()));
        }
    }

    @Test
    void changeUser_lastEnabledAdmin_cannotBeDisabledOrDemoted() {
        await(underTest.createUser("root", PASSWORD, Role.ADMIN, Set.of()));

        assertThat(((AccountRefused) failure(underTest.changeUser("root",
                change(Optional.empty(), Optional.of(true))))).status()).isEqualTo(409);
        assertThat(((AccountRefused) failure(underTest.changeUser("root",
                change(Optional.of(Role.MARKETING), Optional.empty())))).status()).isEqualTo(409);
        assertThat(((AccountRefused) failure(underTest.changeUser("ghost",
                change(Optional.empty(), Optional.of(true))))).status()).isEqualTo(404);
    }

    private static UserChange change(Optional<Role> role, Optional<Boolean> disabled) {
        return new UserChange(role, Optional.empty(), disabled, Optional.empty());
    }

    private static void assertRefused(io.vertx.core.Future<?> future) {
        AccountRefused refused = (AccountRefused) failure(future);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.getMessage()).isEqualTo(Sessions.REFUSED);
    }

    private static void assertField(io.vertx.core.Future<?> future, String field) {
        AccountRefused refused = (AccountRefused) failure(future);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field()).contains(field);
    }
}
