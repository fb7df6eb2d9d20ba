package dev.waymark.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.hub.support.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceIdentityTest {

    @TempDir
    Path folder;

    @Test
    void of_kioskCertificate_readsStoreAndDeviceFromTheSanUri() {
        TestPki pki = new TestPki(folder);

        assertThat(DeviceIdentity.of(pki.kiosk("store-1", "kiosk-7").certificate()))
                .contains(new DeviceIdentity("store-1", "kiosk-7"));
    }

    @Test
    void of_caCertificate_isEmpty() {
        assertThat(DeviceIdentity.of(new TestPki(folder).ca().certificate())).isEmpty();
    }

    @Test
    void equalsAndHashCode_followValues() {
        assertThat(new DeviceIdentity("s", "d")).isEqualTo(new DeviceIdentity("s", "d"))
                .hasSameHashCodeAs(new DeviceIdentity("s", "d")).isNotEqualTo(new DeviceIdentity("s", "e"));
    }
}
