package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.CloudCore;
import dev.waymark.cloud.CloudSettings;
import dev.waymark.cloud.testing.BlockedLoopWatch;
import dev.waymark.dist.internal.demo.Customers.Customer;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.PersonalData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web simulator against a real cloud core in this JVM (one per JVM: it embeds HiveMQ): every call accepted,
 * and each customer's visits, identified by loyalty number and e-mail, end in one profile.
 */
class WebSimulatorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Map<String, String> ENV = Map.of("WM_ADMIN_PASSWORD", "demo-admin-password-1",
            "WM_CA_PASSWORD", "demo-ca-password", "WM_KEYSTORE_PASSWORD", "demo-keystore-password");

    @TempDir
    static Path dataDir;
    private static Vertx vertx;
    private static BlockedLoopWatch blockedLoops;
    private static CloudCore cloud;
    private static ApiSession api;

    @BeforeAll
    static void startCloud() throws Exception {
        vertx = Vertx.vertx();
        JsonObject config = new JsonObject().put("dataDir", dataDir.toString()).put("secrets", "env")
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", freePort()))
                .put("provisioning", new JsonObject().put("port", freePort()))
                .put("gateway", new JsonObject().put("port", freePort()))
                .put("accounts", new JsonObject().put("secureCookie", false));
        cloud = CloudCore.start(vertx, CloudSettings.from(config, dataDir), ENV::get, Clock.systemUTC())
                .await(120, TimeUnit.SECONDS);
        api = ApiSession.signIn(URI.create("http://127.0.0.1:" + cloud.httpPort()), "admin",
                ENV.get("WM_ADMIN_PASSWORD"));
        // Watched from here: the cloud's own tests cover its start; these watch the simulator's run.
        blockedLoops = new BlockedLoopWatch();
    }

    @AfterAll
    static void stopCloud() throws Exception {
        try {
            cloud.stop().await(60, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
            blockedLoops.close();
        }
        assertThat(blockedLoops.warnings()).isEmpty();
    }

    @Test
    void customersOnTheWeb_everyCallAccepted_andEachCustomerIsOneProfile() throws Exception {
        String writeKey = api.createKey(new JsonObject().put("kind", "public").put("label", "demo web"));
        String readKey = api.createKey(new JsonObject().put("kind", "secret").put("label", "demo read")
                .put("scopes", List.of("read")));
        Customers customers = Customers.generate(4, 3);
        WebSimulator underTest = new WebSimulator(vertx, api.base(), writeKey, ShopperShapes.load(), customers,
                WebSimulator.Settings.defaults().withCompression(300).withBrowsers(2).withCustomers(1.0, 1.0)
                        .withSeed(5));

        underTest.start().await(10, TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> underTest.counts().visits() >= 16);
        underTest.stop().await(10, TimeUnit.SECONDS);

        WebCounts counts = underTest.counts();
        assertThat(counts.refusedByStatus()).as(counts.lastRefusal()).isEmpty();
        assertThat(counts.failed()).as(counts.lastRefusal()).isZero();
        assertThat(counts.accepted()).isEqualTo(counts.sent()).isPositive();
        KeyRing tokens = KeyRing.of(cloudPseudonymizationKey());
        Set<String> profiles = new HashSet<>();
        int withSeveralVisits = 0;
        for (Customer customer : customers.all()) {
            String byLoyalty = "/v1/profiles/loyalty/" + tokens.token(PersonalData.LOYALTY_ID, customer.loyaltyId());
            await().atMost(PATIENCE).until(() -> api.get(byLoyalty, readKey).statusCode() == 200);
            JsonObject profile = new JsonObject(api.get(byLoyalty, readKey).body());
            JsonObject byEmail = new JsonObject(api.get("/v1/profiles/email/"
                    + tokens.token(PersonalData.EMAIL, customer.email()), readKey).body());
            assertThat(byEmail.getString("profileId")).isEqualTo(profile.getString("profileId"));
            assertThat(identities(profile, "crm")).containsExactly(tokens.token(PersonalData.CUSTOMER_ID,
                    customer.crmId()));
            withSeveralVisits += identities(profile, "cookie").size() > 1 ? 1 : 0;
            profiles.add(profile.getString("profileId"));
        }
        assertThat(profiles).hasSize(customers.size());
        assertThat(withSeveralVisits).as("customers whose visits (each a new anonymousId) merged").isPositive();
    }

    private static List<String> identities(JsonObject profile, String namespace) {
        return profile.getJsonArray("identities").stream().map(JsonObject.class::cast)
                .filter(identity -> identity.getString("namespace").equals(namespace))
                .map(identity -> identity.getString("value")).toList();
    }

    /** The cloud's pseudonymization key ({@code keys/cloud-keys.p12}, alias {@code pk-1}; docs/operations.md). */
    private static PseudonymizationKey cloudPseudonymizationKey() throws Exception {
        char[] password = ENV.get("WM_KEYSTORE_PASSWORD").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDir.resolve("keys").resolve("cloud-keys.p12"))) {
            store.load(in, password);
        }
        return PseudonymizationKey.of("pk-1", ((SecretKey) store.getKey("pk-1", password)).getEncoded());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The console's session as {@code admin}: cookie plus CSRF token, for creating API keys. */
    private record ApiSession(URI base, String cookie, String csrfToken) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        static ApiSession signIn(URI base, String name, String password) throws Exception {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", name)
                            .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String cookie = answer.headers().allValues("set-cookie").stream()
                    .filter(value -> value.startsWith("wm_session=")).findFirst().orElseThrow()
                    .split(";")[0];
            return new ApiSession(base, cookie, new JsonObject(answer.body()).getString("csrfToken"));
        }

        String createKey(JsonObject request) throws Exception {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/api-keys"))
                    .header("Content-Type", "application/json").header("Cookie", cookie)
                    .header("X-CSRF-Token", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(request.encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            return new JsonObject(answer.body()).getString("secret");
        }

        HttpResponse<String> get(String path, String secretKey) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + secretKey)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
