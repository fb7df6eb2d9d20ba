package dev.waymark.console.support;

import dev.waymark.cloud.CloudCore;
import dev.waymark.cloud.CloudSettings;
import dev.waymark.cloud.testing.BlockedLoopWatch;
import dev.waymark.console.ConsoleServer;
import dev.waymark.console.ConsoleSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real cloud core (embedded defaults, SQLite in a temp dir, through its public {@link CloudCore}) with a console
 * in front of it on an ephemeral port, and the console users the tests sign in as.
 */
public final class ConsoleStack implements AutoCloseable {

    /** The password of every user the stack creates (the cloud's admin included). */
    public static final String PASSWORD = "correct-horse-battery-staple";

    private final BlockedLoopWatch blockedLoops = new BlockedLoopWatch();
    private final Vertx vertx = Vertx.vertx();
    private CloudCore cloud;
    private ConsoleServer console;
    private final List<ConsoleServer> others = new ArrayList<>();

    private ConsoleStack() {
    }

    /** Starts a cloud in {@code dir} and a console for it; users: admin, marketing, manager-a, manager-b, tech-a. */
    public static ConsoleStack start(Path dir) throws Exception {
        ConsoleStack stack = new ConsoleStack();
        try {
            stack.boot(dir);
        } catch (Exception | AssertionError e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void boot(Path dir) throws Exception {
        JsonObject config = new JsonObject().put("dataDir", dir.toString())
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", freePort()))
                .put("provisioning", new JsonObject().put("port", freePort()))
                .put("gateway", new JsonObject().put("port", freePort()))
                .put("accounts", new JsonObject().put("secureCookie", false))
                // A CRM that refuses every connection: its messages wait and retry, which the overview shows.
                .put("crm", new JsonObject().put("webhook", new JsonObject().put("url", "http://127.0.0.1:9/crm")
                        .put("secret", "console-test-crm-secret")));
        Map<String, String> env = Map.of("WM_ADMIN_PASSWORD", PASSWORD);
        cloud = CloudCore.start(vertx, CloudSettings.from(config, dir), env::get, Clock.systemUTC())
                .await(120, TimeUnit.SECONDS);
        console = startConsole(cloud.caFingerprint());
        ConsoleClient admin = signIn("admin");
        createUser(admin, "marketing", "marketing", List.of());
        createUser(admin, "manager-a", "store_manager", List.of("store-a"));
        createUser(admin, "manager-b", "store_manager", List.of("store-b"));
        createUser(admin, "tech-a", "field_tech", List.of("store-a"));
    }

    private static void createUser(ConsoleClient admin, String name, String role, List<String> stores) {
        JsonObject user = new JsonObject().put("name", name).put("password", PASSWORD).put("role", role);
        if (!stores.isEmpty()) {
            user.put("stores", new JsonArray(stores));
        }
        admin.send("POST", "/v1/users", user).expect(201);
    }

    private ConsoleServer startConsole(String provisioningCa) throws Exception {
        ConsoleSettings settings = ConsoleSettings.of(URI.create("http://127.0.0.1:" + cloud.httpPort()))
                .listeningOn("127.0.0.1", 0)
                .withProvisioning(URI.create("https://127.0.0.1:" + cloud.provisioningPort()), provisioningCa);
        return ConsoleServer.start(vertx, settings).await(30, TimeUnit.SECONDS);
    }

    /** The URL of another console of the same cloud that pins enrollment to {@code provisioningCa}. */
    public String otherConsole(String provisioningCa) throws Exception {
        ConsoleServer other = startConsole(provisioningCa);
        others.add(other);
        return other.url();
    }

    /** A client of the console signed in as {@code user}. */
    public ConsoleClient signIn(String user) {
        ConsoleClient client = new ConsoleClient(consoleUrl());
        client.signIn(user, PASSWORD);
        return client;
    }

    /** The console's base URL, {@code http://127.0.0.1:port/}. */
    public String consoleUrl() {
        return console.url();
    }

    /** The cloud's own API base URL (for calls no console user makes, such as a shop's collector). */
    public String cloudUrl() {
        return "http://127.0.0.1:" + cloud.httpPort();
    }

    public CloudCore cloud() {
        return cloud;
    }

    /** Stops the console and the cloud; fails when Vert.x reported a blocked event loop while they ran. */
    @Override
    public void close() throws Exception {
        try {
            for (ConsoleServer other : others) {
                other.stop().await(30, TimeUnit.SECONDS);
            }
            if (console != null) {
                console.stop().await(30, TimeUnit.SECONDS);
            }
            if (cloud != null) {
                cloud.stop().await(60, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
            blockedLoops.close();
        }
        blockedLoops.requireNone();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
