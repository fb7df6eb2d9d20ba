package dev.waymark.provisioning;

import dev.waymark.provisioning.internal.FixedTrustOptions;
import dev.waymark.provisioning.internal.ServiceIdentity;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The standalone provisioning service ({@code waymark provisioning}): {@link ProvisioningRoutes} under
 * {@link ProvisioningRoutes#MOUNT_POINT} on an HTTPS port, with a server certificate the CA issues at start for
 * {@code hostNames}, client certificates requested for renewal, and a {@link DeviceRegistry}: either a SQLite file
 * it opens on a worker (and closes at stop), or one the caller shares with it (the cloud core's, on SQLite or
 * PostgreSQL, which the caller closes). Port 0 picks a free port; see {@link #port()}.
 */
public final class ProvisioningVerticle extends VerticleBase {

    private static final System.Logger LOG = System.getLogger(ProvisioningVerticle.class.getName());

    private final DeviceCa ca;
    private final StoreAccess access;
    private final ProvisioningSettings settings;
    private final Supplier<DeviceRegistry> openRegistry;
    private final boolean ownsRegistry;
    private final String bindHost;
    private final int requestedPort;
    private final List<String> hostNames;
    private final Clock clock;
    private DeviceRegistry registry;
    private HttpServer server;

    /** A service with the SQLite registry in {@code registryFile}, its own; nothing happens until deployed. */
    public ProvisioningVerticle(DeviceCa ca, StoreAccess access, ProvisioningSettings settings, Path registryFile,
                                String bindHost, int port, List<String> hostNames, Clock clock) {
        this(ca, access, settings, opener(Objects.requireNonNull(registryFile, "registryFile")), true, bindHost, port,
                hostNames, clock);
    }

    /**
     * A service over {@code registry}, which the caller opened, may keep using (it must be safe to call from
     * several threads, as {@link JdbcDeviceRegistry} is) and closes after undeploying; nothing happens until deployed.
     */
    public ProvisioningVerticle(DeviceCa ca, StoreAccess access, ProvisioningSettings settings,
                                DeviceRegistry registry, String bindHost, int port, List<String> hostNames,
                                Clock clock) {
        this(ca, access, settings, shared(Objects.requireNonNull(registry, "registry")), false, bindHost, port,
                hostNames, clock);
    }

    private ProvisioningVerticle(DeviceCa ca, StoreAccess access, ProvisioningSettings settings,
                                 Supplier<DeviceRegistry> openRegistry, boolean ownsRegistry, String bindHost,
                                 int port, List<String> hostNames, Clock clock) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.access = Objects.requireNonNull(access, "access");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.openRegistry = openRegistry;
        this.ownsRegistry = ownsRegistry;
        this.bindHost = Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be 0-65535");
        }
        this.requestedPort = port;
        this.hostNames = List.copyOf(hostNames);
        if (this.hostNames.isEmpty()) {
            throw new IllegalArgumentException("hostNames: needs at least one");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            registry = openRegistry.get();
            return ServiceIdentity.issue(ca, hostNames);
        }).compose(identity -> {
            Router root = Router.router(vertx);
            root.route(ProvisioningRoutes.MOUNT_POINT + "/*")
                    .subRouter(ProvisioningRoutes.create(vertx, ca, registry, access, settings, clock));
            HttpServerOptions options = new HttpServerOptions().setSsl(true).setHost(bindHost).setPort(requestedPort)
                    .setKeyCertOptions(identity).setClientAuth(ClientAuth.REQUEST)
                    // Revocation is decided per request from the registry, so the handshake checks chain and EKU.
                    .setTrustOptions(new FixedTrustOptions(DeviceTrust.forDevices(ca.certificate(), clock)));
            return vertx.createHttpServer(options).requestHandler(root).listen();
        }).onSuccess(listening -> {
            server = listening;
            LOG.log(System.Logger.Level.INFO, "provisioning listening on https://{0}:{1,number,#}{2}", bindHost,
                    listening.actualPort(), ProvisioningRoutes.MOUNT_POINT);
        }).onFailure(failure -> closeRegistry());
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(done -> closeRegistry());
    }

    private Future<Void> closeRegistry() {
        return vertx.executeBlocking(() -> {
            if (registry != null && ownsRegistry) {
                registry.close();
            }
            registry = null;
            return null;
        });
    }

    private static Supplier<DeviceRegistry> opener(Path registryFile) {
        return () -> JdbcDeviceRegistry.open(registryFile);
    }

    private static Supplier<DeviceRegistry> shared(DeviceRegistry registry) {
        return () -> registry;
    }

    /** The port it listens on, once started. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.actualPort();
    }
}
