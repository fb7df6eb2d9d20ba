package dev.waymark.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubSettingsTest {

    @TempDir
    Path folder;

    private Path write(String json) throws Exception {
        return Files.writeString(folder.resolve("hub.json"), json);
    }

    @Test
    void load_minimalFile_appliesDefaultsAndResolvesPathsAgainstTheFile() throws Exception {
        HubSettings underTest = HubSettings.load(write("""
                {"store": "store-1", "dataDir": "data", "keystore": "hub.p12",
                 "upstream": {"url": "ssl://cloud.example.net:8883"}}
                """));

        assertThat(underTest.dataDir()).isEqualTo(folder.toAbsolutePath().resolve("data"));
        assertThat(underTest.keystore()).isEqualTo(folder.toAbsolutePath().resolve("hub.p12"));
        assertThat(underTest.listenPort()).isEqualTo(8883);
        assertThat(underTest.receiveMaximum()).isEqualTo(1000);
        assertThat(underTest.maxQueueSize()).isEqualTo(100_000);
        assertThat(underTest.devMode()).isFalse();
    }

    @Test
    void load_nestedKeys_areRead() throws Exception {
        HubSettings underTest = HubSettings.load(write("""
                {"store": "store-1", "dataDir": "d", "keystore": "k", "upstream": {"url": "tcp://127.0.0.1:1884"},
                 "listen": {"host": "127.0.0.1", "port": 9883}, "broker": {"receiveMaximum": 200},
                 "bridge": {"window": 20, "drainPerSecond": 300}, "devMode": true, "devPort": 9884}
                """));

        assertThat(underTest.listenHost()).isEqualTo("127.0.0.1");
        assertThat(underTest.listenPort()).isEqualTo(9883);
        assertThat(underTest.receiveMaximum()).isEqualTo(200);
        assertThat(underTest.bridgeWindow()).isEqualTo(20);
        assertThat(underTest.drainPerSecond()).isEqualTo(300);
        assertThat(underTest.devMode()).isTrue();
    }

    @Test
    void load_missingUpstream_isRejectedNamingFileAndKey() throws Exception {
        Path file = write("{\"store\": \"store-1\", \"dataDir\": \"d\", \"keystore\": \"k\"}");

        assertThatThrownBy(() -> HubSettings.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("upstream.url: is required");
    }

    @Test
    void load_wrongType_isRejectedNamingKey() throws Exception {
        Path file = write("""
                {"store": "store-1", "dataDir": "d", "keystore": "k", "upstream": {"url": "tcp://h:1"},
                 "listen": {"port": "8883"}}
                """);

        assertThatThrownBy(() -> HubSettings.load(file)).hasMessageContaining("listen.port: must be an integer");
    }

    @Test
    void load_unknownKey_isRejectedNamingIt() throws Exception {
        Path file = write("""
                {"store": "store-1", "dataDir": "d", "keystore": "k", "upstream": {"url": "tcp://h:1"}, "dev": 1}
                """);

        assertThatThrownBy(() -> HubSettings.load(file)).hasMessageContaining("dev: unknown key");
    }

    @Test
    void create_badUpstreamUrlOrStore_isRejectedNamingField() {
        assertThatThrownBy(() -> HubSettings.of("store-1", folder, folder, "http://x"))
                .hasMessageContaining("upstream.url");
        assertThatThrownBy(() -> HubSettings.of("store/1", folder, folder, "tcp://x:1"))
                .hasMessageContaining("store");
    }

    @Test
    void equalsAndHashCode_followValues() {
        HubSettings a = HubSettings.of("store-1", folder, folder, "tcp://x:1");
        HubSettings b = HubSettings.of("store-1", folder, folder, "tcp://x:1");
        HubSettings c = HubSettings.of("store-2", folder, folder, "tcp://x:1");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }
}
