package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EventPipelineTest} on PostgreSQL, in a schema of its own. */
class EventPipelinePostgresIT extends EventPipelineTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
