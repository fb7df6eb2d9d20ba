package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.Store;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The routing stage of a shared log (docs/scaling.md, "Events keyed by profile"): consumes the ingest log as its own
 * consumer group, resolves each event's profile in one store transaction per batch (linking and merging durably, as
 * the pipeline would), and appends the events, bytes unchanged, to the pipeline's log keyed by profile id, so one
 * profile's events from every channel and under every identifier are applied by one replica, in order. The ingest
 * position moves only after the appends were acknowledged. A replayed batch resolves to the same profiles (its
 * identifiers are linked by then) and is appended again; the pipeline drops the copies by {@code source}+{@code id}.
 * Events of no profile (heartbeats, hub reports, outcomes of unknown decisions) keep their ingest key; events of an
 * erased person are dropped here. Keeps nothing in memory between batches.
 */
public final class ProfileRouter {

    /** The router's consumer group on the ingest log. */
    public static final String GROUP = "profile-router";
    private static final Logger LOG = Logger.getLogger(ProfileRouter.class.getName());

    private final Vertx vertx;
    private final Store store;
    private final EventLog ingest;
    private final EventLog profiles;
    private final PipelineParts parts;
    private final JourneyStore journeys;
    private final EventCodec codec = EventCodec.create();
    private final Counter routed;
    private final Counter blocked;
    private final Counter unreadable;

    ProfileRouter(Vertx vertx, Store store, EventLog ingest, EventLog profiles, PipelineParts parts,
            JourneyStore journeys, MeterRegistry meters) {
        this.vertx = vertx;
        this.store = store;
        this.ingest = ingest;
        this.profiles = profiles;
        this.parts = parts;
        this.journeys = journeys;
        this.routed = meters.counter("wm.router.events");
        this.blocked = meters.counter("wm.router.blocked");
        this.unreadable = meters.counter("wm.router.unreadable");
    }

    /** Starts consuming the ingest log with batches of at most {@code maxBatch}. */
    public void start(int maxBatch) {
        ingest.consume(GROUP, maxBatch, this::route);
    }

    /** Routes one batch; completes once its entries are durable in the pipeline's log. */
    public Future<Void> route(List<EventLog.Entry> entries) {
        return vertx.executeBlocking(() -> decodeInOrder(entries), false)
                .compose(events -> store.write(c -> keyByProfile(c, events)))
                .onFailure(failure -> journeys.forget())
                .compose(keyed -> profiles.append(keyed).onSuccess(appended -> routed.increment(keyed.size())));
    }

    private record Read(CloudEvent event, EventLog.Entry entry) {
    }

    private List<Read> decodeInOrder(List<EventLog.Entry> entries) {
        List<Read> events = new ArrayList<>(entries.size());
        for (EventLog.Entry entry : entries) {
            Decoded<CloudEvent> decoded = codec.decode(entry.value());
            if (decoded instanceof Decoded.Rejected<CloudEvent> rejected) {
                unreadable.increment();
                LOG.log(Level.WARNING, "dropping an unreadable log entry: " + rejected.rejection().field());
            } else {
                events.add(new Read(decoded.orElseThrow(), entry));
            }
        }
        return SequenceOrder.apply(events, Read::event);
    }

    // A merge runs the merge hooks here, the journey store's too: its staged survivor is written in this transaction.
    private List<EventLog.Entry> keyByProfile(Connection c, List<Read> events) throws SQLException {
        List<EventLog.Entry> keyed = new ArrayList<>(events.size());
        try {
            for (Read read : events) {
                Optional<String> key = keyOf(c, read);
                if (key.isEmpty()) {
                    blocked.increment();
                    continue;
                }
                keyed.add(new EventLog.Entry(key.get(), read.entry().value()));
            }
            journeys.flush(c);
        } catch (SQLException | RuntimeException e) {
            // Still on the store's writer: the next work there must not flush a context this rolled back.
            journeys.forget();
            throw e;
        }
        return keyed;
    }

    /** The profile id, the ingest key for an event of no profile, or empty for an erased person's event. */
    private Optional<String> keyOf(Connection c, Read read) throws SQLException {
        EventOwner owner = EventOwner.of(c, parts, read.event());
        return owner.erased() ? Optional.empty() : Optional.of(owner.profileId().orElse(read.entry().key()));
    }
}
