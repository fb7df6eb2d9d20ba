package dev.waymark.cloud.internal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.gateway.GatewaySettings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DeviceIngestFilterTest {

    @Test
    void embeddedBroker_isSubscribedWithoutAShareGroup() {
        assertThat(DeviceIngest.filter(GatewaySettings.defaults())).isEqualTo("wm/v1/s/+/d/+/events");
    }

    @Test
    void externalBroker_isSharedByEveryReplicaOfTheGroup() {
        GatewaySettings external = GatewaySettings.from(new JsonObject().put("embedded", false)
                .put("url", "tcp://mq.example:1883").put("shareGroup", "east"));

        assertThat(DeviceIngest.filter(external)).isEqualTo("$share/east/wm/v1/s/+/d/+/events");
    }
}
