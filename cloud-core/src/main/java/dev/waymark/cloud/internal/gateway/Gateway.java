package dev.waymark.cloud.internal.gateway;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.gateway.broker.GatewayBroker;
import dev.waymark.cloud.internal.gateway.ingest.DeviceIngest;
import dev.waymark.cloud.internal.gateway.mqtt.BrokerEndpoint;
import dev.waymark.cloud.internal.gateway.mqtt.MqttDeviceChannel;
import dev.waymark.provisioning.DeviceCa;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The device gateway: the embedded broker (unless {@code gateway.url} names an external one), the ingest that moves
 * hub traffic into the {@link EventLog}, and the {@link DeviceChannel} down to stores and devices. Start once, stop
 * once.
 */
public final class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    private final Vertx vertx;
    private final EventLog log;
    private final MeterRegistry meters;
    private final GatewaySettings settings;
    private final DeviceCa ca;
    private final Predicate<X509Certificate> revoked;
    private GatewayBroker broker;
    private BrokerEndpoint endpoint;
    private DeviceIngest ingest;
    private MqttDeviceChannel channel;
    private Future<Void> ready = Future.failedFuture("the gateway is not started");

    /**
     * A gateway; {@code ca} issues the embedded listener's certificate and anchors hub trust, {@code revoked} says
     * whether a hub certificate was revoked (both unused with an external broker).
     */
    public Gateway(Vertx vertx, EventLog log, MeterRegistry meters, GatewaySettings settings, DeviceCa ca,
                   Predicate<X509Certificate> revoked) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.log = Objects.requireNonNull(log, "log");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ca = Objects.requireNonNull(ca, "ca");
        this.revoked = Objects.requireNonNull(revoked, "revoked");
    }

    /**
     * Starts the broker (if embedded), the channel and the ingest. With the embedded broker it completes once the
     * ingest is subscribed; with an external one it completes at once and the clients keep connecting.
     */
    public Future<Void> start() {
        Future<BrokerEndpoint> where = settings.embedded()
                ? vertx.executeBlocking(() -> GatewayBroker.start(settings, ca, revoked)).map(started -> {
                    broker = started;
                    return new BrokerEndpoint(started.loopbackUrl(), GatewayBroker.cloudUser(),
                            started.cloudPassword());
                })
                : Future.succeededFuture(new BrokerEndpoint(settings.url(), settings.username(),
                        Optional.ofNullable(System.getenv(settings.passwordVariable())).orElse("")));
        return where.compose(found -> {
            endpoint = found;
            channel = new MqttDeviceChannel(vertx, found, settings.clientId() + "-down", Clock.systemUTC());
            ingest = new DeviceIngest(vertx, log, channel, meters, found, settings);
            if (settings.echo()) {
                LOG.warning("gateway.echo is on: kiosk events are not stored, service requests are answered with an "
                        + "echo action (for waymark bench e2e only)");
            }
            ready = Future.all(channel.start(), ingest.start()).mapEmpty();
            if (!settings.embedded()) {
                LOG.info("gateway connecting to the external broker " + found.url());
                return Future.succeededFuture();
            }
            return ready;
        });
    }

    /** Stops the ingest, the channel and the broker, in that order; unacknowledged messages stay with the broker. */
    public Future<Void> stop() {
        Future<Void> clients = Future.all(ingest == null ? Future.succeededFuture() : ingest.stop(),
                channel == null ? Future.succeededFuture() : channel.stop()).mapEmpty();
        return clients.recover(failure -> Future.succeededFuture()).compose(done -> broker == null
                ? Future.succeededFuture()
                : vertx.executeBlocking(() -> {
                    broker.stop();
                    return null;
                }));
    }

    /** Where hub traffic goes down: actions and bundles. Valid after {@link #start}. */
    public DeviceChannel channel() {
        return Objects.requireNonNull(channel, "the gateway is not started");
    }

    /**
     * Completes once the ingest is subscribed and the channel connected: at {@link #start} with the embedded
     * broker, later with an external one that was not reachable yet.
     */
    public Future<Void> ready() {
        return ready;
    }

    /**
     * Disconnects the hub connected as {@code deviceId} (its certificate was revoked or replaced); it is refused
     * when it connects again. Completes with whether a client was connected; nothing to do with an external broker.
     */
    public Future<Boolean> disconnect(String deviceId) {
        if (broker == null) {
            return Future.succeededFuture(false);
        }
        return Future.fromCompletionStage(broker.disconnect(deviceId), vertx.getOrCreateContext());
    }

    /** The TLS port hubs connect to, when embedded and started. */
    public Optional<Integer> tlsPort() {
        return Optional.ofNullable(broker).map(GatewayBroker::tlsPort);
    }

    /** Where and as whom cloud-core's own clients connect (the loopback listener when embedded). */
    public BrokerEndpoint endpoint() {
        return Objects.requireNonNull(endpoint, "the gateway is not started");
    }
}
