package dev.waymark.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    @Test
    void of_aCloudUrl_listensOnLoopback8090WithoutEnrollment() {
        ConsoleSettings underTest = ConsoleSettings.of(URI.create("http://127.0.0.1:8080"));

        assertThat(underTest.host()).isEqualTo("127.0.0.1");
        assertThat(underTest.port()).isEqualTo(8090);
        assertThat(underTest.provisioning()).isEmpty();
    }

    @Test
    void cloud_withAPathOrAnotherScheme_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ConsoleSettings.of(URI.create("http://cloud:8080/v1")))
                .hasMessageStartingWith("cloud: must have no path");
        assertThatThrownBy(() -> ConsoleSettings.of(URI.create("ftp://cloud:21")))
                .hasMessageStartingWith("cloud: must be a http or https URL");
    }

    @Test
    void provisioning_overPlainHttpOrWithABadFingerprint_isRefused() {
        ConsoleSettings cloud = ConsoleSettings.of(URI.create("http://cloud:8080"));

        assertThatThrownBy(() -> cloud.withProvisioning(URI.create("http://cloud:8443"), FINGERPRINT))
                .hasMessageStartingWith("provisioning: must be a https URL");
        assertThatThrownBy(() -> cloud.withProvisioning(URI.create("https://cloud:8443"), "AB"))
                .hasMessageStartingWith("provisioningCa: must be 64 lower-case hex digits");
        assertThat(cloud.withProvisioning(URI.create("https://cloud:8443"), FINGERPRINT).provisioningCa())
                .contains(FINGERPRINT);
    }

    @Test
    void port_outsideTheRange_isRefused() {
        assertThatThrownBy(() -> ConsoleSettings.of(URI.create("http://cloud:8080")).listeningOn("0.0.0.0", 70_000))
                .hasMessageStartingWith("port:");
    }
}
