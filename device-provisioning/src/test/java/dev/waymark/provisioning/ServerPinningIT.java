package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's pin is the CA, and JSSE still checks that the service certificate names the host dialled. */
class ServerPinningIT {

    @Test
    void serviceCertificateForAnotherHost_isRefusedDespiteTheRightCa(@TempDir Path dir) throws Exception {
        MutableClock clock = MutableClock.atNow();
        DeviceCa ca = DeviceCa.generate("Waymark test CA", clock);
        Vertx vertx = Vertx.vertx();
        try {
            ProvisioningVerticle verticle = new ProvisioningVerticle(ca, StoreAccess.adminKey(
                    ProvisioningServer.ADMIN_KEY), TestPki.settings("https://prov.example.invalid"),
                    dir.resolve("r.db"), "127.0.0.1", 0, List.of("prov.example.invalid"), clock);
            vertx.deployVerticle(verticle).await(20, TimeUnit.SECONDS);
            String url = "https://localhost:" + verticle.port() + ProvisioningRoutes.MOUNT_POINT;

            assertThatThrownBy(() -> RevocationFetcher.create(url, ca.fingerprint(), clock).changesSince(0))
                    .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("localhost");
        } finally {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }
}
