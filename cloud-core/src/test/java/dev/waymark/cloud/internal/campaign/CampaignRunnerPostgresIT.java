package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CampaignRunnerTest} on PostgreSQL, in a schema of its own. */
class CampaignRunnerPostgresIT extends CampaignRunnerTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
