package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.LiveFeed;
import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.journey.Activity;
import dev.waymark.journey.Intent;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.journey.Step;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.HubReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stream processor (DESIGN.md section 4, step 6): consumes the {@link EventLog} in batches and, for each
 * batch, in one store transaction: drops duplicates by {@code source}+{@code id} over the persistent window,
 * resolves identity, counts the event for its profile, records consent, updates journey state and its durable
 * timers, decides the intents, joins outcomes, and records KPI and device facts. The log position moves only after
 * that transaction committed; the live feed is published after it too. Within a batch a device's events are applied
 * in sequence order.
 */
public final class EventPipeline {

    /** The consumer group of the pipeline in the event log. */
    public static final String GROUP = "pipeline";
    private static final Logger LOG = Logger.getLogger(EventPipeline.class.getName());

    private final Vertx vertx;
    private final Store store;
    private final EventLog log;
    private final PipelineParts parts;
    private final JourneyStore journeys;
    private final TriggerDesk triggers;
    private final EventCodec codec = EventCodec.create();
    private final Clock clock;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter unreadable;
    private final Counter blocked;
    private final MeterRegistry meters;
    private Function<String, Future<Void>> onNewStore = storeId -> Future.succeededFuture();

    public EventPipeline(Vertx vertx, Store store, EventLog log, PipelineParts parts, MeterRegistry meters,
            Clock clock, int cachedProfiles) {
        this.vertx = vertx;
        this.store = store;
        this.log = log;
        this.parts = parts;
        this.clock = clock;
        this.journeys = new JourneyStore(cachedProfiles, store.dialect() == Store.Dialect.POSTGRESQL);
        this.triggers = new TriggerDesk(parts.decider());
        this.processed = meters.counter("wm.pipeline.events");
        this.duplicates = meters.counter("wm.pipeline.duplicates");
        this.unreadable = meters.counter("wm.pipeline.unreadable");
        this.blocked = meters.counter("wm.pipeline.blocked");
        this.meters = meters;
        parts.identity().onMerge(journeys);
        parts.identity().onMerge(new ProfileEventCounts());
    }

    /** Called after commit for each store seen for the first time (to send it the current bundle). */
    public void onNewStore(Function<String, Future<Void>> hook) {
        this.onNewStore = hook;
    }

    /** Starts consuming the log with batches of at most {@code maxBatch}. */
    public void start(int maxBatch) {
        log.consume(GROUP, maxBatch, this::process);
    }

    /**
     * The routing stage in front of this pipeline on a shared log: it consumes {@code ingest} and appends each event
     * to this pipeline's log keyed by its profile. Its merges run this pipeline's merge hooks in its own transaction.
     */
    public ProfileRouter router(EventLog ingest) {
        return new ProfileRouter(vertx, store, ingest, log, parts, journeys, meters);
    }

    /** The durable timer wheel over the same journey state; the host schedules its {@code fireDue}. */
    public TimerWheel timers() {
        return new TimerWheel(vertx, store, parts.engines(), journeys, triggers, clock);
    }

    /** Processes one batch; completes after its transaction committed. */
    public Future<Void> process(List<EventLog.Entry> entries) {
        // Decoding runs on a worker, so the store's single writer spends its time on the state change only.
        return vertx.executeBlocking(() -> decodeInOrder(entries), false)
                .compose(events -> store.write(c -> processBatch(c, events)))
                .onFailure(failure -> journeys.forget())
                .onSuccess(this::publish)
                .mapEmpty();
    }

    /**
     * Drops the cached journey contexts of {@code profileIds} (erased ones); call it inside the store work that
     * deletes their rows, so the pipeline cannot write a context back from memory.
     */
    public void forgetProfiles(Collection<String> profileIds) {
        journeys.forget(profileIds);
    }

    /**
     * Forgets event ids seen before {@code cutoff}, ending their dedup window; completes with how many. A device
     * replays at most its outbox, so a window of days covers every redelivery.
     */
    public Future<Integer> forgetSeenBefore(Instant cutoff) {
        return store.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM seen_events WHERE seen_at < ?")) {
                delete.setLong(1, cutoff.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    private void publish(Processed processed) {
        processed.live().forEach(item -> vertx.eventBus().publish(LiveFeed.ADDRESS, item));
        processed.newStores().forEach(storeId -> onNewStore.apply(storeId).onFailure(failure -> LOG.log(
                Level.WARNING, "sending the bundle to new store " + storeId + ": " + failure.getMessage())));
    }

    private record Processed(List<JsonObject> live, List<String> newStores) {
    }

    private Processed processBatch(Connection c, List<CloudEvent> events) throws SQLException {
        Instant now = clock.instant();
        List<JsonObject> live = new ArrayList<>();
        try (PreparedStatement seen = c.prepareStatement(
                "INSERT INTO seen_events (source, id, seen_at) VALUES (?, ?, ?) ON CONFLICT (source, id) DO NOTHING");
             StoreBook stores = new StoreBook(c)) {
            for (CloudEvent event : events) {
                seen.setString(1, event.source());
                seen.setString(2, event.id());
                seen.setLong(3, now.toEpochMilli());
                if (seen.executeUpdate() == 0) {
                    duplicates.increment();
                    continue;
                }
                Source source = event.parsedSource();
                if (source.storeId().isPresent()) {
                    stores.seen(source.storeId().get(), now);
                }
                apply(c, event, source, now, live);
                processed.increment();
            }
            journeys.flush(c);
            return new Processed(live, stores.firstSeen());
        }
    }

    // The log keeps each key's entries in order; a device's events are sorted by sequence in case a shared
    // subscription delivered them out of order, in the slots they hold, so a profile's channels stay interleaved.
    private List<CloudEvent> decodeInOrder(List<EventLog.Entry> entries) {
        List<CloudEvent> events = new ArrayList<>(entries.size());
        for (EventLog.Entry entry : entries) {
            Decoded<CloudEvent> decoded = codec.decode(entry.value());
            if (decoded instanceof Decoded.Rejected<CloudEvent> rejected) {
                unreadable.increment();
                LOG.log(Level.WARNING, "skipping an unreadable log entry: " + rejected.rejection().field());
            } else {
                events.add(decoded.orElseThrow());
            }
        }
        return SequenceOrder.apply(events, event -> event);
    }

    private void apply(Connection c, CloudEvent event, Source source, Instant now, List<JsonObject> live)
            throws SQLException {
        if (event.data() instanceof HubReport report) {
            parts.devices().hubReport(c, source.storeId().orElseThrow(), source.deviceId().orElseThrow(), report,
                    now);
            return;
        }
        if (event.data() instanceof Heartbeat heartbeat) {
            parts.devices().heartbeat(c, source.storeId().orElseThrow(), source.deviceId().orElseThrow(),
                    heartbeat, now);
            return;
        }
        EventOwner owner = EventOwner.of(c, parts, event);
        if (owner.erased()) {
            blocked.increment();
            return;
        }
        if (owner.profileId().isEmpty()) {
            return;
        }
        String profileId = owner.profileId().get();
        ProfileEventCounts.count(c, profileId, event.type());
        parts.consent().record(c, profileId, event);
        live.add(LiveItems.event(event, source, profileId));
        if (EventOwner.isOutcome(event)) {
            live.addAll(parts.decider().onOutcome(c, profileId, event));
        }
        String storeId = source.storeId().orElse(KpiRecorder.WEB);
        JourneyEngine engine = parts.engines().get();
        Optional<Activity> activity = engine.mapping().map(event);
        if (activity.filter(a -> a == Activity.PURCHASE).isPresent()) {
            parts.kpis().purchase(c, profileId, storeId, event.time(), Purchases.value(event));
        }
        JourneyContext before = journeys.load(c, profileId);
        Step step = engine.onEvent(before, event);
        if (step.state() != before) {
            journeys.save(profileId, step.state(), now);
            journeys.applyTimers(c, profileId, step.timers(), source.storeId(), source.deviceId());
            JourneyFacts.record(c, parts.kpis(), storeId, before, step.state(), activity, event.time());
        }
        for (Intent intent : step.intents()) {
            live.addAll(triggers.decide(c, profileId, intent, step.state(), source.storeId(), source.deviceId(),
                    event.time(), now));
        }
    }
}
