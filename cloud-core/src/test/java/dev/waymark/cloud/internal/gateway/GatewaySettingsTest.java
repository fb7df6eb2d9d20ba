package dev.waymark.cloud.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void from_emptySection_takesTheDefaults() {
        GatewaySettings underTest = GatewaySettings.from(new JsonObject());

        assertThat(underTest).isEqualTo(GatewaySettings.defaults());
        assertThat(underTest.embedded()).isTrue();
        assertThat(underTest.port()).isEqualTo(8884);
        assertThat(underTest.shareGroup()).isEqualTo("cloud-core");
        assertThat(underTest.clientId()).isEqualTo("cloud-core-1");
        assertThat(underTest.dataDir()).isEqualTo(Path.of("data/gateway"));
        assertThat(underTest.echo()).isFalse();
    }

    @Test
    void from_externalBroker_needsEmbeddedFalse() {
        GatewaySettings underTest = GatewaySettings.from(new JsonObject().put("embedded", false)
                .put("url", "ssl://mq:8883").put("serverNames", new JsonArray().add("gw.example")));

        assertThat(underTest.url()).isEqualTo("ssl://mq:8883");
        assertThat(underTest.serverNames()).isEqualTo(List.of("gw.example"));
    }

    @Test
    void from_echoTrue_turnsTheBenchEchoOn() {
        assertThat(GatewaySettings.from(new JsonObject().put("echo", true)).echo()).isTrue();
    }

    @Test
    void from_badValues_failNamingTheKey() {
        assertRefused(new JsonObject().put("port", 70000), "gateway.port: must be 0..65535");
        assertRefused(new JsonObject().put("port", 1883), "gateway.port");
        assertRefused(new JsonObject().put("port", "8884"), "gateway.port: must be an integer");
        assertRefused(new JsonObject().put("url", "ssl://mq:8883"), "gateway.url: must be empty");
        assertRefused(new JsonObject().put("embedded", false), "gateway.url: is required");
        assertRefused(new JsonObject().put("embedded", false).put("url", "http://mq"), "gateway.url: must be");
        assertRefused(new JsonObject().put("shareGroup", "a/#"), "gateway.shareGroup");
        assertRefused(new JsonObject().put("clientId", ""), "gateway.clientId");
        assertRefused(new JsonObject().put("clientId", "x".repeat(65)), "gateway.clientId");
        assertRefused(new JsonObject().put("embedded", "yes"), "gateway.embedded: must be true or false");
        assertRefused(new JsonObject().put("serverNames", new JsonArray()), "gateway.serverNames");
        assertRefused(new JsonObject().put("serverNames", new JsonArray().add(7)), "gateway.serverNames");
        assertRefused(new JsonObject().put("receiveMaximum", 0), "gateway.receiveMaximum");
        assertRefused(new JsonObject().put("maxQueueSize", 0), "gateway.maxQueueSize");
        assertRefused(new JsonObject().put("inflight", 70000), "gateway.inflight");
        assertRefused(new JsonObject().put("echo", "on"), "gateway.echo: must be true or false");
        assertRefused(new JsonObject().put("prot", 1), "gateway.prot: unknown key");
    }

    private static void assertRefused(JsonObject section, String message) {
        assertThatThrownBy(() -> GatewaySettings.from(section)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
