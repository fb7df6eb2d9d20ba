package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.store.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CrmDeliveryIT} on PostgreSQL, in a schema of its own. */
class CrmDeliveryPostgresIT extends CrmDeliveryIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }
}
