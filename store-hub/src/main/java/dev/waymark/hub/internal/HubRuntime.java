package dev.waymark.hub.internal;

import com.codahale.metrics.Counter;
import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import dev.waymark.hub.HubSettings;
import dev.waymark.hub.HubStatus;
import dev.waymark.protocol.EventCodec;
import dev.waymark.provisioning.DeviceTrust;
import dev.waymark.provisioning.Revocation;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.SocketFactory;

/** Everything one hub runs, assembled and torn down in order. */
public final class HubRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HubRuntime.class.getName());

    private final HubSettings settings;
    private final String hubId;
    private final Clock clock;
    private final HubOutbox outbox;
    private final DeviceTrust trust;
    private final RevokedDevices revoked = new RevokedDevices();
    private final HubCounters counters = new HubCounters();
    private final Presence presence;
    private final int mqttPort;
    private final int devPort;
    private final String caFingerprint;
    private EmbeddedHiveMQ broker;
    private HubBridge bridge;
    private final LocalBroker local = new ServicesBroker();

    private HubRuntime(HubSettings settings, String hubId, Clock clock, HubOutbox outbox, DeviceTrust trust,
                       int mqttPort, int devPort, String caFingerprint) {
        this.caFingerprint = caFingerprint;
        this.settings = settings;
        this.hubId = hubId;
        this.clock = clock;
        this.outbox = outbox;
        this.trust = trust;
        this.presence = new Presence(clock);
        this.mqttPort = mqttPort;
        this.devPort = devPort;
    }

    /** Starts broker and bridge; IOException (with everything started so far stopped) when one cannot start. */
    public static HubRuntime start(HubSettings settings, char[] password, Clock clock) throws IOException {
        HubKeys keys = HubKeys.load(settings.keystore(), password);
        DeviceIdentity self = DeviceIdentity.of(keys.clientCertificate()).orElseThrow(
                () -> new IOException(settings.keystore() + ": the hub certificate names no device"));
        if (!self.storeId().equals(settings.storeId())) {
            throw new IOException(HubSettings.STORE + ": the keystore is for store " + self.storeId() + ", not "
                    + settings.storeId());
        }
        Path data = Files.createDirectories(settings.dataDir());
        Path tls = Files.createDirectories(data.resolve("tls"));
        keys.writeBrokerFiles(tls);
        HubOutbox outbox = HubOutbox.open(data.resolve("hub-outbox.db"), settings.outboxMaxRows());
        int mqttPort = settings.listenPort() == 0 ? freePort() : settings.listenPort();
        int devPort = !settings.devMode() ? 0 : settings.devPort() == 0 ? freePort() : settings.devPort();
        HubRuntime hub = new HubRuntime(settings, self.deviceId(), clock, outbox,
                DeviceTrust.forDevices(keys.ca(), clock), mqttPort, devPort, keys.caFingerprint());
        try {
            BrokerConfigFile.write(data.resolve("conf"), tls, settings, mqttPort, devPort, new String(password));
            hub.startBroker(data);
            String fingerprint = settings.upstreamCaFingerprint().isEmpty() ? keys.caFingerprint()
                    : settings.upstreamCaFingerprint();
            SocketFactory sockets = settings.upstreamUrl().startsWith("ssl://")
                    ? UpstreamSockets.tls(keys, fingerprint, clock) : UpstreamSockets.plain();
            hub.bridge = new HubBridge(new HubBridge.BridgeSettings(settings.upstreamUrl(), self.deviceId(),
                    settings.storeId(), sockets, settings.bridgeWindow(), settings.drainPerSecond()),
                    outbox, hub.local, hub.counters, RandomGenerator.getDefault());
            HubStatusMessages statusMessages = new HubStatusMessages(settings.storeId(), self.deviceId(), clock,
                    outbox, settings.outboxMaxRows(), hub.presence);
            hub.bridge.start(statusMessages, Duration.ofSeconds(settings.statusPublishSeconds()),
                    new StoreLinkAnnouncer(hub.local, settings.storeId(), clock));
            return hub;
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    private void startBroker(Path data) throws IOException {
        if (settings.devMode()) {
            LOG.log(Level.WARNING, "*** DEV MODE: plain MQTT without certificates on port " + devPort
                    + "; any client id is trusted as a device of store " + settings.storeId()
                    + ". Never run a store like this. ***");
        }
        DeviceLifecycle lifecycle = new DeviceLifecycle(settings.storeId(), presence, outbox);
        DeviceAuthenticator authenticator = new DeviceAuthenticator(settings.storeId(), trust, revoked, devPort,
                counters, lifecycle);
        UplinkInterceptor uplink = new UplinkInterceptor(settings.storeId(), new UplinkCheck(EventCodec.create()),
                outbox, presence, counters);
        EmbeddedExtension extension = EmbeddedExtension.builder().withId("waymark-hub").withName("Waymark hub")
                .withVersion("0.1.0").withAuthor("Waymark").withPriority(1000).withStartPriority(1000)
                .withExtensionMain(new HubExtension(authenticator, uplink, lifecycle)).build();
        broker = EmbeddedHiveMQ.builder().withConfigurationFolder(data.resolve("conf"))
                .withDataFolder(Files.createDirectories(data.resolve("broker")))
                .withExtensionsFolder(Files.createDirectories(data.resolve("extensions")))
                .withEmbeddedExtension(extension).build();
        // The embedded builder has just set a JVM-wide flag that admits clients no authenticator handled. Ours
        // handles every client, and this puts the broker's own default back to deny should it ever not.
        InternalConfigurations.AUTH_DENY_UNAUTHENTICATED_CONNECTIONS.set(true);
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the hub broker did not start: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "hub " + hubId + " of store " + settings.storeId() + " listening on "
                + settings.listenHost() + ":" + mqttPort + " (TLS, device certificates required)");
    }

    /** The fingerprint of the device CA in the hub's keystore. */
    public String caFingerprint() {
        return caFingerprint;
    }

    /** The TLS listener's port. */
    public int mqttPort() {
        return mqttPort;
    }

    /** The dev listener's port, 0 when not in dev mode. */
    public int devPort() {
        return devPort;
    }

    /** The hub's device id. */
    public String hubId() {
        return hubId;
    }

    /** The trust manager whose CRL the revocation follower updates. */
    public DeviceTrust trust() {
        return trust;
    }

    /**
     * Refuses the revoked certificate from now on and disconnects its device at once; entries of other stores are
     * ignored. A replacement kiosk with the same id and a new certificate is disconnected too and reconnects.
     */
    public void revoke(Revocation revocation) {
        if (!revocation.storeId().equals(settings.storeId())) {
            return;
        }
        revoked.add(revocation.serial());
        LOG.log(Level.INFO, "revoked " + revocation.deviceId() + " (certificate " + revocation.serial() + ", "
                + revocation.reason() + "): disconnecting it");
        local.disconnect(revocation.deviceId()).exceptionally(failure -> {
            LOG.log(Level.WARNING, "could not disconnect revoked " + revocation.deviceId() + ": " + failure);
            return false;
        });
    }

    /** A snapshot for the status endpoint. */
    public HubStatus status() {
        Counter drops = broker == null ? null : broker.getMetricRegistry().getCounters()
                .get("com.hivemq.messages.dropped.count");
        return new HubStatus(settings.storeId(), hubId, clock.instant(), bridge != null && bridge.linkUp(),
                outbox.depth(), presence.snapshot(), counters.accepted.get(), counters.rejected.get(),
                counters.refusedFull.get(), counters.refusedConnects.get(), counters.forwarded.get(),
                counters.upstreamRefusals.get(), drops == null ? 0 : drops.getCount());
    }

    @Override
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
        if (broker != null) {
            try {
                broker.stop().get(60, TimeUnit.SECONDS);
                broker.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping the hub broker: " + e);
            }
        }
        outbox.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
