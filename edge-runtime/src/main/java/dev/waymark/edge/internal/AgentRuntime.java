package dev.waymark.edge.internal;

import dev.waymark.decision.ActionCategory;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.Contact;
import dev.waymark.decision.ContactHistory;
import dev.waymark.edge.CaptureResult;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import dev.waymark.edge.EdgeStatus;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.MaskingStrategy;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.device.DeviceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Builds and owns every part of a running agent; {@code EdgeAgent} is its public face. */
public final class AgentRuntime {

    private static final System.Logger LOG = System.getLogger(AgentRuntime.class.getName());
    private static final int MAX_PENDING_EVENTS = 20_000;
    private static final Duration CONTACT_MEMORY = Duration.ofDays(31);

    private final Vertx vertx;
    private final EdgeSettings settings;
    private final OutboxStore store;
    private final OutboxWriter writer;
    private final OutboxReader reader;
    private final OfflineDecider decider;
    private final Capturer capturer;
    private final BundleKeeper bundles;
    private final Uplink uplink;
    private final ActionDisplay display;
    private final Commands commands;
    private final StoreLinkWatch storeLink;
    private final DeviceConfig config;
    private final ContractCodec contracts = ContractCodec.create();
    private final KeptExplanations explanations = new KeptExplanations(KeptExplanations.DEFAULT_CAPACITY);
    private final KioskAssets screen;
    private CaptureApiVerticle api;
    private String deployment;
    private long idleTimer;

    private AgentRuntime(Vertx vertx, EdgeSettings settings, EdgeIdentity identity, Clock clock) throws SQLException {
        this.vertx = vertx;
        this.settings = settings;
        this.config = identity.config();
        // Everything that can refuse a setting runs before the database and the writer thread exist.
        var sockets = HubSockets.forHub(identity, settings.dev());
        PublicKey bundleKey = BundleKeeper.publicKey(config.bundleVerificationKey());
        EventMasker masker = masker(settings, identity);
        this.screen = KioskAssets.load();
        this.store = OutboxStore.open(settings.database());
        ContactHistory history = contacts(store, clock.instant().minus(CONTACT_MEMORY));
        Optional<String> storedBundle = store.meta(BundleKeeper.META_KEY);
        this.writer = new OutboxWriter(store, settings.diskQuotaBytes(), MAX_PENDING_EVENTS);
        this.reader = new OutboxReader(OutboxStore.openReader(settings.database()));
        SecureRandom random = new SecureRandom();
        UlidGenerator ids = new UlidGenerator(clock, random);
        Source source = Source.device(config.storeId(), config.deviceId());
        EventCodec codec = EventCodec.create();
        this.display = new ActionDisplay(contracts, clock);
        // The decider, capturer and uplink call each other; these cells are filled before anything runs.
        Uplink[] uplinkRef = new Uplink[1];
        Capturer[] capturerRef = new Capturer[1];
        this.storeLink = new StoreLinkWatch(contracts);
        this.decider = new OfflineDecider(clock, ids, writer, display, this::storeOnline,
                "always".equals(settings.localDecisions()), settings.placement(), history,
                json -> capturerRef[0].capture(json), explanations);
        this.capturer = new Capturer(codec, masker, source, clock, ids,
                new SessionIds(random), writer, settings.locale(), writer.nextSequence(), events -> {
                    decider.onCommitted(events);
                    uplinkRef[0].nudge();
                });
        capturerRef[0] = capturer;
        this.bundles = new BundleKeeper(contracts, bundleKey, writer, decider);
        StatusMessages status = new StatusMessages(codec, source, clock, ids, writer::count, writer::overQuota);
        this.uplink = new Uplink(config, sockets, reader, writer, status, this::downlink, random);
        uplinkRef[0] = uplink;
        this.commands = new Commands(uplink);
        storedBundle.ifPresent(json -> bundles.offer(json.getBytes(StandardCharsets.UTF_8), false));
    }

    /** Opens the database, starts the uplink and the HTTP API; fails naming the setting that is wrong. */
    public static Future<AgentRuntime> start(Vertx vertx, EdgeSettings settings, EdgeIdentity identity, Clock clock) {
        return vertx.executeBlocking(() -> new AgentRuntime(vertx, settings, identity, clock))
                .compose(runtime -> runtime.deploy().map(runtime));
    }

    private Future<Void> deploy() {
        api = new CaptureApiVerticle(settings.httpPort(), capturer::capture, this::status, display, screen,
                new ExplanationRoute(explanations, settings.explainUrl()));
        return vertx.deployVerticle(api).map(id -> {
            deployment = id;
            uplink.start(settings.heartbeat());
            idleTimer = vertx.setPeriodic(1000, tick -> capturer.endIfIdle(settings.sessionIdle()));
            LOG.log(Level.INFO, "kiosk agent listening on " + CaptureApiVerticle.HOST + ":" + api.actualPort());
            return null;
        });
    }

    public CompletableFuture<CaptureResult> capture(JsonValue json) {
        return capturer.capture(json);
    }

    public CompletableFuture<CaptureResult> capture(byte[] json) {
        Decoded<JsonValue> read = CaptureJson.read(json);
        if (read instanceof Decoded.Rejected<JsonValue> r) {
            return CompletableFuture.completedFuture(new CaptureResult.Refused(CaptureResult.Refusal.INVALID,
                    r.rejection()));
        }
        return capturer.capture(read.orElseThrow());
    }

    public boolean installBundle(byte[] bundleJson) {
        return bundles.offer(bundleJson, true);
    }

    public int httpPort() {
        return api.actualPort();
    }

    public EdgeStatus status() {
        return new EdgeStatus(uplink.connected(), storeOnline(), writer.count(), writer.bytes(),
                settings.diskQuotaBytes(), writer.overQuota(), writer.dropped(), uplink.refused(),
                decider.bundleVersion(), decider.decisions());
    }

    public Future<Void> close() {
        vertx.cancelTimer(idleTimer);
        Future<Void> undeployed = deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
        return undeployed.compose(ignored -> vertx.executeBlocking(() -> {
            uplink.close();
            decider.close();
            writer.close();
            reader.close();
            store.close();
            return null;
        }));
    }

    private void downlink(String topic, byte[] payload) {
        if (topic.equals(Topics.actions(config.storeId(), config.deviceId()))) {
            Decoded<Action> action = contracts.decode(payload, Action.class);
            if (action instanceof Decoded.Rejected<Action> r) {
                LOG.log(Level.WARNING, "action ignored: " + r.rejection().field() + " is invalid");
            } else if (display.show(action.orElseThrow())) {
                Action shown = action.orElseThrow();
                capturer.capture(OutcomeJson.impression(shown.actionId(), shown.decisionId(), shown.placement()));
            }
        } else if (topic.equals(Topics.cmd(config.storeId(), config.deviceId()))) {
            commands.run(payload);
        } else if (topic.equals(Topics.bundle(config.storeId()))) {
            bundles.offer(payload, true);
        } else if (topic.equals(Topics.link(config.storeId()))) {
            storeLink.offer(payload);
        }
    }

    /** The store is online when the hub is reachable and says it reaches the cloud. */
    private boolean storeOnline() {
        return uplink.connected() && storeLink.upstreamUp();
    }

    private static EventMasker masker(EdgeSettings settings, EdgeIdentity identity) {
        MaskingPolicy policy = MaskingPolicy.defaults();
        for (String field : settings.scanFields()) {
            try {
                policy = policy.withField(field, MaskingStrategy.SCAN);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(EdgeSettings.SCAN_FIELDS + ": " + e.getMessage(), e);
            }
        }
        return EventMasker.create(policy, KeyRing.of(identity.pseudonymizationKey()), PiiScanner.standard());
    }

    private static ContactHistory contacts(OutboxStore store, Instant since) throws SQLException {
        List<Contact> contacts = new ArrayList<>();
        for (String[] row : store.contactsSince(since.toEpochMilli())) {
            contacts.add(new Contact(row[0], Channel.valueOf(row[1]), ActionCategory.valueOf(row[2]),
                    Instant.ofEpochMilli(Long.parseLong(row[3]))));
        }
        return ContactHistory.of(contacts);
    }
}
