package dev.waymark.cloud.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcStore#open} says about URLs it cannot use: the setting's name, never a password. */
class JdbcStoreUrlTest {

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void open_unsupportedScheme_namesTheSettingAndHidesThePassword() {
        assertThatThrownBy(() -> JdbcStore.open(vertx, "jdbc:mysql://db/wm?user=wm&password=hunter2", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("store.url: must be jdbc:sqlite:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void open_unreachablePostgres_failsWithoutThePassword() {
        // Port 1 on loopback refuses at once: no server needed to see what the failure says.
        assertThatThrownBy(() -> JdbcStore.open(vertx,
                "jdbc:postgresql://127.0.0.1:1/wm?user=wm&password=hunter2&connectTimeout=2", 1))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("cannot migrate jdbc:postgresql://127.0.0.1:1/wm?user=wm&password=***")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void redacted_passwordAnywhere_isHiddenAndTheRestKept() {
        assertThat(JdbcStore.redacted("jdbc:postgresql://h/db?Password=a%26b&user=u (for user u)"))
                .isEqualTo("jdbc:postgresql://h/db?Password=***&user=u (for user u)");
    }
}
