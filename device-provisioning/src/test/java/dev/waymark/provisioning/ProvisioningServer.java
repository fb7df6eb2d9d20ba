package dev.waymark.provisioning;

import dev.waymark.provisioning.internal.ProvisioningClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** A real provisioning service on an ephemeral HTTPS port, plus a watch for Vert.x blocked-thread warnings. */
final class ProvisioningServer implements AutoCloseable {

    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    final MutableClock clock = MutableClock.atNow();
    final DeviceCa ca = DeviceCa.generate("Waymark test CA", clock);
    final Vertx vertx;
    final ProvisioningVerticle verticle;
    final String url;
    final Path registryFile;
    private final List<String> blockedWarnings = new CopyOnWriteArrayList<>();
    // Vert.x 5.0.8 logs the checker's warning as io.vertx.core.impl.BlockedThreadChecker; listening on the parent
    // "io.vertx" keeps working if the class moves, and the message text is matched instead.
    private final Logger checkerLogger = Logger.getLogger("io.vertx");
    private final Handler watch = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = String.valueOf(record.getMessage());
            if (message.contains("has been blocked")) {
                blockedWarnings.add(message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    ProvisioningServer(Path dir) throws Exception {
        checkerLogger.addHandler(watch);
        vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(100));
        registryFile = dir.resolve("registry.db");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The public URL goes into tokens, so the port must be known before the service starts.
            port = probe.getLocalPort();
        }
        url = "https://localhost:" + port + ProvisioningRoutes.MOUNT_POINT;
        verticle = new ProvisioningVerticle(ca, StoreAccess.adminKey(ADMIN_KEY), TestPki.settings(url),
                registryFile, "127.0.0.1", port, List.of("localhost", "127.0.0.1"), clock);
        vertx.deployVerticle(verticle).await(20, TimeUnit.SECONDS);
    }

    /** An HTTPS client that pins our CA and sends {@code bearer} (empty for none). */
    ProvisioningClient client() {
        return new ProvisioningClient(url, DeviceTrust.forServers(ca.fingerprint(), clock), null);
    }

    /** The admin client, as {@code waymark provision} uses it. */
    ProvisioningAdmin admin() {
        return ProvisioningAdmin.connect(url, ca.fingerprint(), ADMIN_KEY, clock);
    }

    /** Warnings Vert.x logged about a blocked event loop; must stay empty. */
    List<String> blockedWarnings() {
        return List.copyOf(blockedWarnings);
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(20, TimeUnit.SECONDS);
        checkerLogger.removeHandler(watch);
    }
}
