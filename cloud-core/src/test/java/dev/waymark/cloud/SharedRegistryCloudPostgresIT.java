package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.store.PostgresSchema;
import dev.waymark.cloud.testing.EnrolledHub;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.cloud.testing.RunningCloud;
import dev.waymark.provisioning.Device;
import dev.waymark.provisioning.DeviceRegistry;
import dev.waymark.provisioning.DeviceStatus;
import dev.waymark.provisioning.JdbcDeviceRegistry;
import dev.waymark.provisioning.ProvisioningAdmin;
import dev.waymark.provisioning.Revocation;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cloud on PostgreSQL keeps its device registry in the store's database: another replica, opening the registry
 * from the same {@code store.url} as the runtime does, sees the cloud's enrollments and revocations, and the cloud
 * follows the revocations the other replica makes. Skipped (loudly) without WM_PG_URL.
 */
class SharedRegistryCloudPostgresIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @TempDir
    Path dir;
    private RunningCloud running;
    private String adminKey;
    private DeviceRegistry otherReplica;

    @BeforeEach
    void start() throws Exception {
        running = RunningCloud.start(dir.resolve("cloud"),
                new JsonObject().put("store", new JsonObject().put("url", POSTGRES.url())));
        adminKey = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD).secretKey();
        otherReplica = JdbcDeviceRegistry.open(POSTGRES.url());
    }

    @AfterEach
    void stop() throws Exception {
        otherReplica.close();
        running.close();
    }

    @Test
    void hubEnrolledThroughTheCloud_revokedThroughAnotherReplica_isLockedOutOfTheCloudsGateway() throws Exception {
        EnrolledHub hub = enroll("s1");
        assertThat(otherReplica.find(hub.deviceId())).map(Device::status).contains(DeviceStatus.ACTIVE);
        HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets()).close();

        otherReplica.revoke(hub.deviceId(), DeviceStatus.REVOKED, Clock.systemUTC().instant());

        // The cloud reads the shared revocation feed every 10 s.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThatThrownBy(
                () -> HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets()).close())
                .isInstanceOf(MqttException.class));
        assertThat(admin().devices("s1")).filteredOn(device -> device.id().equals(hub.deviceId()))
                .singleElement().extracting(Device::status).isEqualTo(DeviceStatus.REVOKED);
    }

    @Test
    void revocationThroughTheCloud_isInAnotherReplicasFeed() throws Exception {
        EnrolledHub hub = enroll("s2");

        Revocation revoked = admin().revoke(hub.deviceId());

        assertThat(otherReplica.revocationsSince(0, 1000)).extracting(Revocation::deviceId, Revocation::serial)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hub.deviceId(), revoked.serial()));
    }

    private EnrolledHub enroll(String storeId) throws Exception {
        return EnrolledHub.enroll(running.cloud().provisioningPort(), running.cloud().caFingerprint(), adminKey,
                storeId, dir.resolve("hub-" + storeId));
    }

    private ProvisioningAdmin admin() {
        return ProvisioningAdmin.connect("https://localhost:" + running.cloud().provisioningPort()
                + "/provisioning/v1", running.cloud().caFingerprint(), adminKey, Clock.systemUTC());
    }
}
