package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeSettingsTest {

    @TempDir
    Path dir;

    @Test
    void read_minimalFile_appliesDefaultsAndResolvesPathsAgainstItsFolder() throws Exception {
        Path file = write("{\"deviceConfig\": \"device.json\", \"keystore\": \"keys/device.p12\"}");
        EdgeSettings underTest = EdgeSettings.read(file);
        assertThat(underTest.deviceConfig()).isEqualTo(dir.resolve("device.json").toAbsolutePath());
        assertThat(underTest.keystore()).isEqualTo(dir.resolve("keys/device.p12").toAbsolutePath());
        assertThat(underTest.database()).isEqualTo(dir.resolve("edge.db").toAbsolutePath());
        assertThat(underTest.diskQuotaBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(underTest.httpPort()).isEqualTo(8787);
        assertThat(underTest.sessionIdle()).isEqualTo(Duration.ofSeconds(120));
        assertThat(underTest.keystorePasswordEnv()).isEqualTo("WM_KEYSTORE_PASSWORD");
        assertThat(underTest.localDecisions()).isEqualTo("offline");
        assertThat(underTest.dev()).isFalse();
    }

    @Test
    void read_everyKey_isApplied() throws Exception {
        EdgeSettings underTest = EdgeSettings.read(write("""
                {"deviceConfig": "d.json", "keystore": "k.p12", "keystorePasswordEnv": "KIOSK_PW",
                 "database": "db/x.db", "httpPort": 0, "diskQuotaBytes": 2097152, "sessionIdleSeconds": 45,
                 "heartbeatSeconds": 5, "placement": "checkout", "locale": "de", "scanFields": ["comment"],
                 "localDecisions": "always", "dev": true,
                 "explainUrl": "http://localhost:8080/v1/decisions/{decisionId}"}"""));
        assertThat(underTest.keystorePasswordEnv()).isEqualTo("KIOSK_PW");
        assertThat(underTest.diskQuotaBytes()).isEqualTo(2_097_152);
        assertThat(underTest.sessionIdle()).isEqualTo(Duration.ofSeconds(45));
        assertThat(underTest.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(underTest.scanFields()).containsExactly("comment");
        assertThat(underTest.localDecisions()).isEqualTo("always");
        assertThat(underTest.dev()).isTrue();
        assertThat(underTest.explainUrl()).contains("http://localhost:8080/v1/decisions/{decisionId}");
    }

    @Test
    void read_explainUrlWithoutThePlaceholderOrNotHttp_isRejectedNamingTheKey() throws Exception {
        Path noPlaceholder = write("{\"explainUrl\": \"http://localhost:8080/v1/decisions/\"}");
        assertThatThrownBy(() -> EdgeSettings.read(noPlaceholder))
                .hasMessage(noPlaceholder + ": explainUrl: must contain {decisionId}");
        Path notHttp = write("{\"explainUrl\": \"javascript:alert({decisionId})\"}");
        assertThatThrownBy(() -> EdgeSettings.read(notHttp))
                .hasMessage(notHttp + ": explainUrl: must be an http or https URL with a host");
        assertThat(EdgeSettings.read(write("{}")).explainUrl()).isEmpty();
    }

    @Test
    void read_unknownKey_isRejectedNamingFileAndKey() throws Exception {
        Path file = write("{\"deviceConfig\": \"d.json\", \"keystore\": \"k.p12\", \"quota\": 5}");
        assertThatThrownBy(() -> EdgeSettings.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": quota: unknown key");
    }

    @Test
    void read_wrongType_isRejectedNamingTheKey() throws Exception {
        Path file = write("{\"deviceConfig\": \"d.json\", \"keystore\": \"k.p12\", \"httpPort\": \"80\"}");
        assertThatThrownBy(() -> EdgeSettings.read(file)).hasMessage(file + ": httpPort: must be an integer");
    }

    @Test
    void read_emptyObject_usesTheFilesEnrollmentWrites() throws Exception {
        EdgeSettings underTest = EdgeSettings.read(write("{}"));
        assertThat(underTest.deviceConfig()).isEqualTo(dir.resolve("agent.json").toAbsolutePath());
        assertThat(underTest.keystore()).isEqualTo(dir.resolve("device.p12").toAbsolutePath());
    }

    @Test
    void read_tinyQuota_isRejectedNamingTheKey() throws Exception {
        Path file = write("{\"deviceConfig\": \"d.json\", \"keystore\": \"k.p12\", \"diskQuotaBytes\": 10}");
        assertThatThrownBy(() -> EdgeSettings.read(file)).hasMessage(file + ": diskQuotaBytes: must be at least 1 MB");
    }

    @Test
    void equalsAndHashCode_followTheValues() {
        EdgeSettings a = EdgeSettings.defaults(Path.of("d.json"), Path.of("k.p12"), Path.of("e.db"));
        EdgeSettings b = EdgeSettings.defaults(Path.of("d.json"), Path.of("k.p12"), Path.of("e.db"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(a.withDev(true));
        assertThat(a.withScanFields(List.of("comment"))).isNotEqualTo(a);
        assertThat(a.withExplainUrl(Optional.of("https://cloud/v1/decisions/{decisionId}"))).isNotEqualTo(a);
    }

    private Path write(String json) throws Exception {
        Path file = dir.resolve("edge.json");
        Files.writeString(file, json);
        return file;
    }
}
