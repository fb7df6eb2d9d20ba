package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.store.PostgresSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AccountsTest} on PostgreSQL, in a schema of its own. */
class AccountsPostgresIT extends AccountsTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @RegisterExtension
    static final PostgresSchema EMPTY = new PostgresSchema();

    @Override
    String emptyStoreUrl(Path emptyDir) {
        return EMPTY.url();
    }

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
