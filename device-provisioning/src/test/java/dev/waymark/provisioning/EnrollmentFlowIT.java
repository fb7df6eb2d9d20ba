package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.internal.DeviceNames;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentFlowIT {

    private static final char[] PASSWORD = "device keystore password".toCharArray();

    @TempDir
    static Path serviceDir;
    @TempDir
    Path deviceDir;
    private static ProvisioningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ProvisioningServer(serviceDir);
    }

    @AfterAll
    static void stop() throws Exception {
        List<String> blocked = server.blockedWarnings();
        server.close();
        assertThat(blocked).as("Vert.x blocked-thread warnings").isEmpty();
    }

    @BeforeEach
    void leaveRateLimitWindow() {
        // Each test starts after the previous one's failed attempts left the 15-minute window.
        server.clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void kioskEnroll_writesOwnerOnlyKeystoreWithChainAndPseudonymizationKey() throws Exception {
        EnrollmentQr qr = qr(createToken("store-1", "kiosk"));

        DeviceEnrollment.Result result = DeviceEnrollment.enroll(qr, DeviceRole.KIOSK, deviceDir, PASSWORD, "1.2.3",
                server.clock);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.keystore())))
                .isEqualTo("rw-------");
        KeyStore store = load(result.keystore());
        assertThat(Collections.list(store.aliases())).containsExactlyInAnyOrder("device", "waymark-ca", "pk-2026");
        X509Certificate cert = (X509Certificate) store.getCertificate("device");
        assertThat(DeviceNames.deviceId(cert)).contains(result.config().deviceId());
        assertThat(DeviceNames.uris(cert)).containsExactly("wm:/s/store-1/d/" + result.config().deviceId());
        assertThat(store.getKey("pk-2026", PASSWORD)).isInstanceOf(SecretKey.class);
        assertThat(result.config().caFingerprint()).isEqualTo(server.ca.fingerprint());
        assertThat(result.config().hubAddress()).isEqualTo("ssl://hub.store-1.local:8883");
        assertThat(Files.readString(result.configFile())).doesNotContain("secret");
        assertThat(devices("store-1")).anySatisfy(device -> {
            assertThat(device.getString("id")).isEqualTo(result.config().deviceId());
            assertThat(device.getString("status")).isEqualTo("active");
            assertThat(device.getString("softwareVersion")).isEqualTo("1.2.3");
        });
    }

    @Test
    void hubEnroll_getsServerCertificateNamingItsStore() throws Exception {
        EnrollmentQr qr = qr(createToken("store-7", "hub"));

        DeviceEnrollment.Result result = DeviceEnrollment.enroll(qr, DeviceRole.HUB, deviceDir, PASSWORD, "1.0",
                server.clock);

        X509Certificate serverCert = (X509Certificate) load(result.keystore()).getCertificate("hub-server");
        assertThat(serverCert.getExtendedKeyUsage()).containsExactly(DeviceNames.SERVER_AUTH);
        assertThat(serverCert.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .contains("hub.store-7.local", "wm:/s/store-7/hub");
    }

    @Test
    void enroll_reusedToken_isRefusedAndAudited() throws Exception {
        EnrollmentQr qr = qr(createToken("store-1", "kiosk"));
        DeviceEnrollment.enroll(qr, DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0", server.clock);

        assertThatThrownBy(() -> DeviceEnrollment.enroll(qr, DeviceRole.KIOSK, deviceDir.resolve("second"),
                PASSWORD, "1.0", server.clock))
                .isInstanceOfSatisfying(EnrollmentRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.reason()).contains("already used");
                });
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains("enroll", "refused: token: already used"));
        assertThat(Files.exists(deviceDir.resolve("second"))).isFalse();
    }

    @Test
    void enroll_expiredToken_isRefused() throws Exception {
        EnrollmentQr qr = qr(createToken("store-1", "kiosk"));

        server.clock.advance(Duration.ofMinutes(61));

        assertThatThrownBy(() -> DeviceEnrollment.enroll(qr, DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0",
                server.clock)).isInstanceOfSatisfying(EnrollmentRefused.class,
                        refused -> assertThat(refused.reason()).contains("expired"));
    }

    @Test
    void enroll_tokenForAnotherRole_isRefused() throws Exception {
        String hubToken = createToken("store-1", "hub").getString("token");
        KeyPair keys = TestPki.p256();

        assertThatThrownBy(() -> server.client().post("/enroll", new JsonObject().put("token", hubToken)
                .put("role", "kiosk").put("csr", TestPki.csr("O=store-1, OU=hub", keys)), ""))
                .isInstanceOfSatisfying(EnrollmentRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.field()).isEqualTo("role");
                });
    }

    @Test
    void enroll_tokenForAnotherStore_isRefused() throws Exception {
        String token = createToken("store-1", "kiosk").getString("token");
        String forged = token.replace(":store-1:", ":store-2:");

        assertThatThrownBy(() -> server.client().post("/enroll", new JsonObject().put("token", forged)
                .put("role", "kiosk").put("csr", TestPki.csr("O=store-2, OU=kiosk", TestPki.p256())), ""))
                .isInstanceOfSatisfying(EnrollmentRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.reason()).contains("another store");
                });
    }

    @Test
    void enroll_csrOffPolicy_isRefusedAndTokenStaysUsable() throws Exception {
        String token = createToken("store-1", "kiosk").getString("token");

        assertThatThrownBy(() -> server.client().post("/enroll", new JsonObject().put("token", token)
                .put("role", "kiosk").put("csr", TestPki.csr("O=store-1, OU=kiosk", TestPki.rsa())), ""))
                .isInstanceOfSatisfying(EnrollmentRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("csr");
                    assertThat(refused.reason()).contains("EC P-256");
                });
        assertThatThrownBy(() -> server.client().post("/enroll", new JsonObject().put("token", token)
                .put("role", "kiosk").put("csr", TestPki.csr("CN=admin, O=store-1, OU=kiosk", TestPki.p256())), ""))
                .isInstanceOfSatisfying(EnrollmentRefused.class,
                        refused -> assertThat(refused.reason()).contains("subject must be exactly"));

        DeviceEnrollment.enroll(qr(token), DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0", server.clock);
    }

    @Test
    void enroll_bruteForce_isRateLimitedAndAudited() throws Exception {
        String valid = createToken("store-1", "kiosk").getString("token");
        for (int i = 0; i < ProvisioningSettings.DEFAULT_MAX_FAILED_ATTEMPTS; i++) {
            String guess = "wm1:kiosk:store-1:" + String.format("%032d", i);
            assertThatThrownBy(() -> server.client().post("/enroll", new JsonObject().put("token", guess)
                    .put("role", "kiosk").put("csr", TestPki.csr("O=store-1, OU=kiosk", TestPki.p256())), ""))
                    .isInstanceOfSatisfying(EnrollmentRefused.class,
                            refused -> assertThat(refused.status()).isEqualTo(401));
        }

        assertThatThrownBy(() -> DeviceEnrollment.enroll(qr(valid), DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0",
                server.clock)).isInstanceOfSatisfying(EnrollmentRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(429));
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", "refused: rate limited"));
        assertThat(audit()).filteredOn(line -> line.contains("refused: token: unknown")).hasSizeGreaterThanOrEqualTo(
                ProvisioningSettings.DEFAULT_MAX_FAILED_ATTEMPTS);
    }

    @Test
    void renew_activeDevice_getsNewCertificate_revokedDeviceIsRefused() throws Exception {
        DeviceEnrollment.Result enrolled = DeviceEnrollment.enroll(qr(createToken("store-1", "kiosk")),
                DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0", server.clock);

        DeviceEnrollment.Result renewed = DeviceEnrollment.renew(server.url, deviceDir, PASSWORD, "1.1",
                server.clock);
        assertThat(renewed.certSerial()).isNotEqualTo(enrolled.certSerial());
        assertThat(renewed.config().deviceId()).isEqualTo(enrolled.config().deviceId());

        server.client().post("/devices/" + enrolled.config().deviceId() + "/revoke", new JsonObject(),
                ProvisioningServer.ADMIN_KEY);

        assertThatThrownBy(() -> DeviceEnrollment.renew(server.url, deviceDir, PASSWORD, "1.1", server.clock))
                .isInstanceOfSatisfying(EnrollmentRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.reason()).contains("revoked");
                });
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains("renew", "refused"));
    }

    @Test
    void revoke_publishesCrlAndFeed() throws Exception {
        DeviceEnrollment.Result enrolled = DeviceEnrollment.enroll(qr(createToken("store-3", "kiosk")),
                DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0", server.clock);
        long before = server.client().get("/revocations?since=0", "").getLong("latest");

        server.client().post("/devices/" + enrolled.config().deviceId() + "/revoke", new JsonObject(),
                ProvisioningServer.ADMIN_KEY);

        JsonObject feed = server.client().get("/revocations?since=" + before, "");
        assertThat(feed.getJsonArray("revocations")).hasSize(1);
        assertThat(feed.getJsonArray("revocations").getJsonObject(0).getString("serial"))
                .isEqualTo(enrolled.certSerial());
        assertThat(feed.getLong("latest")).isGreaterThan(before);
        var crl = RevocationFetcher.create(server.url, server.ca.fingerprint(), server.clock).fetchCrl();
        crl.verify(server.ca.certificate().getPublicKey());
        assertThat(crl.isRevoked(load(enrolled.keystore()).getCertificate("device"))).isTrue();
    }

    @Test
    void follower_handsOverRevocationAndInstallsCrl_soTheHubRefusesTheDevice() throws Exception {
        DeviceEnrollment.Result enrolled = DeviceEnrollment.enroll(qr(createToken("store-5", "kiosk")),
                DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0", server.clock);
        X509Certificate cert = (X509Certificate) load(enrolled.keystore()).getCertificate("device");
        DeviceTrust hubTrust = DeviceTrust.forDevices(server.ca.certificate(), server.clock);
        List<Revocation> handedOver = new java.util.concurrent.CopyOnWriteArrayList<>();
        long latest = server.client().get("/revocations?since=0", "").getLong("latest");
        RevocationFollower underTest = RevocationFollower.start(server.vertx,
                RevocationFetcher.create(server.url, server.ca.fingerprint(), server.clock), hubTrust, latest,
                Duration.ofHours(1), handedOver::add);
        try {
            underTest.pollNow().await(20, TimeUnit.SECONDS);
            hubTrust.checkClientTrusted(new X509Certificate[] {cert, server.ca.certificate()}, "EC");

            server.admin().revoke(enrolled.config().deviceId());
            underTest.pollNow().await(20, TimeUnit.SECONDS);

            assertThat(handedOver).extracting(Revocation::serial).containsExactly(enrolled.certSerial());
            assertThat(hubTrust.isRevoked(cert)).isTrue();
            assertThatThrownBy(() -> hubTrust.checkClientTrusted(
                    new X509Certificate[] {cert, server.ca.certificate()}, "EC"))
                    .isInstanceOf(CertificateException.class).hasMessageContaining("revoked");
        } finally {
            underTest.stop();
        }
    }

    @Test
    void replace_newHardwareKeepsDeviceId_oldCertificateRevoked() throws Exception {
        DeviceEnrollment.Result old = DeviceEnrollment.enroll(qr(createToken("store-1", "kiosk")),
                DeviceRole.KIOSK, deviceDir.resolve("old"), PASSWORD, "1.0", server.clock);

        JsonObject token = server.client().post("/devices/" + old.config().deviceId() + "/replace", new JsonObject(),
                ProvisioningServer.ADMIN_KEY);
        DeviceEnrollment.Result replacement = DeviceEnrollment.enroll(qr(token.getString("token")),
                DeviceRole.KIOSK, deviceDir.resolve("new"), PASSWORD, "1.0", server.clock);

        assertThat(replacement.config().deviceId()).isEqualTo(old.config().deviceId());
        assertThat(replacement.certSerial()).isNotEqualTo(old.certSerial());
        JsonObject feed = server.client().get("/revocations?since=0", "");
        assertThat(feed.getJsonArray("revocations").stream().map(JsonObject.class::cast))
                .anySatisfy(entry -> {
                    assertThat(entry.getString("serial")).isEqualTo(old.certSerial());
                    assertThat(entry.getString("reason")).isEqualTo("replaced");
                });
    }

    @Test
    void admin_tokenEnrollListRevoke_roundTrip() throws Exception {
        ProvisioningAdmin admin = server.admin();

        TokenGrant grant = admin.createToken("store-9", DeviceRole.KIOSK);
        DeviceEnrollment.Result enrolled = DeviceEnrollment.enroll(grant.qr(), DeviceRole.KIOSK, deviceDir,
                PASSWORD, "2.0", server.clock);
        Revocation revocation = admin.revoke(enrolled.config().deviceId());

        assertThat(grant.expiresAt()).isEqualTo(server.clock.instant().plus(Duration.ofMinutes(60)));
        assertThat(revocation.serial()).isEqualTo(enrolled.certSerial());
        assertThat(admin.devices("store-9")).singleElement().satisfies(device -> {
            assertThat(device.status()).isEqualTo(DeviceStatus.REVOKED);
            assertThat(device.softwareVersion()).contains("2.0");
        });
        assertThat(grant.toString()).doesNotContain(grant.token().substring(20));
    }

    @Test
    void adminRoutes_withoutKey_areRefused() {
        assertThatThrownBy(() -> server.client().post("/tokens", new JsonObject().put("store", "store-1")
                .put("role", "kiosk"), "wrong-key-wrong-key-wrong-key"))
                .isInstanceOfSatisfying(EnrollmentRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(401));
        assertThatThrownBy(() -> server.client().get("/devices?store=store-1", ""))
                .isInstanceOfSatisfying(EnrollmentRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(401));
    }

    @Test
    void enroll_serviceNotChainingToPinnedCa_isNotTrusted() throws Exception {
        String otherFingerprint = DeviceCa.generate("impostor", server.clock).fingerprint();
        EnrollmentQr qr = new EnrollmentQr(server.url, createToken("store-1", "kiosk").getString("token"),
                otherFingerprint);

        assertThatThrownBy(() -> DeviceEnrollment.enroll(qr, DeviceRole.KIOSK, deviceDir, PASSWORD, "1.0",
                server.clock)).isInstanceOf(SSLHandshakeException.class);
        assertThat(Files.exists(deviceDir.resolve(DeviceEnrollment.KEYSTORE_FILE))).isFalse();
    }

    private static JsonObject createToken(String store, String role) throws Exception {
        return server.client().post("/tokens", new JsonObject().put("store", store).put("role", role),
                ProvisioningServer.ADMIN_KEY);
    }

    private static EnrollmentQr qr(JsonObject token) {
        return qr(token.getString("token"));
    }

    private static EnrollmentQr qr(String token) {
        return new EnrollmentQr(server.url, token, server.ca.fingerprint());
    }

    private static List<JsonObject> devices(String store) throws Exception {
        return server.client().get("/devices?store=" + store, ProvisioningServer.ADMIN_KEY)
                .getJsonArray("devices").stream().map(JsonObject.class::cast).toList();
    }

    private static List<String> audit() {
        try (JdbcDeviceRegistry reader = JdbcDeviceRegistry.open(server.registryFile)) {
            return reader.auditSince(0, 10_000).stream().map(AuditEntry::toString).toList();
        }
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
