package dev.waymark.cloud;

import dev.waymark.cloud.internal.store.PostgresSchema;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KafkaCloudIT} with the store on PostgreSQL, in a schema of its own: the scaled-out backends together. */
class KafkaCloudPostgresIT extends KafkaCloudIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    JsonObject store() {
        return new JsonObject().put("url", POSTGRES.url());
    }
}
