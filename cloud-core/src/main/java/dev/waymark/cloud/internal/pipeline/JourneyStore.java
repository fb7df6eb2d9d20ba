package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.identity.MergeHook;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyContextCodec;
import dev.waymark.journey.JourneyStage;
import dev.waymark.journey.TimerCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Journey contexts per profile and their durable timers, in the store's {@code journeys} and
 * {@code journey_timers} tables. Used only inside the store's writer (the pipeline and the timer wheel), so the
 * write-through cache of recent contexts sees every change; it is dropped whenever a transaction fails.
 */
final class JourneyStore implements MergeHook {

    private final Map<String, JourneyContext> cache;

    JourneyStore(int cachedProfiles) {
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JourneyContext> eldest) {
                return size() > cachedProfiles;
            }
        });
    }

    /** The profile's context, or an empty one. */
    JourneyContext load(Connection c, String profileId) throws SQLException {
        JourneyContext cached = cache.get(profileId);
        if (cached != null) {
            return cached;
        }
        JourneyContext loaded = read(c, profileId).orElseGet(() -> JourneyContext.empty(profileId));
        cache.put(profileId, loaded);
        return loaded;
    }

    /** The stored context, bypassing the cache (for readers outside the writer). */
    static Optional<JourneyContext> read(Connection c, String profileId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT context FROM journeys WHERE profile_id = ?")) {
            select.setString(1, profileId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(JourneyContextCodec.read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    void save(Connection c, String profileId, JourneyContext context, Instant now) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO journeys (profile_id, context, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET context = excluded.context, "
                + "updated_at = excluded.updated_at")) {
            upsert.setString(1, profileId);
            upsert.setString(2, JourneyContextCodec.write(context));
            upsert.setLong(3, now.toEpochMilli());
            upsert.executeUpdate();
        }
        cache.put(profileId, context);
    }

    /** Applies the engine's timer commands for {@code profileId}, recording where the session is. */
    void applyTimers(Connection c, String profileId, Iterable<TimerCommand> commands, Optional<String> storeId,
            Optional<String> deviceId) throws SQLException {
        for (TimerCommand command : commands) {
            if (command instanceof TimerCommand.Set set) {
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO journey_timers "
                        + "(timer_id, profile_id, due_at, store_id, device_id) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (timer_id) DO UPDATE SET profile_id = excluded.profile_id, "
                        + "due_at = excluded.due_at, store_id = excluded.store_id, device_id = excluded.device_id")) {
                    upsert.setString(1, set.timerId());
                    upsert.setString(2, profileId);
                    upsert.setLong(3, set.dueAt().toEpochMilli());
                    upsert.setString(4, storeId.orElse(null));
                    upsert.setString(5, deviceId.orElse(null));
                    upsert.executeUpdate();
                }
            } else {
                deleteTimer(c, command.timerId());
            }
        }
    }

    static void deleteTimer(Connection c, String timerId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM journey_timers WHERE timer_id = ?")) {
            delete.setString(1, timerId);
            delete.executeUpdate();
        }
    }

    /**
     * On a merge the more recently active context survives under {@code into} (a shopper's live kiosk session
     * matters more than an older web visit); the other one's pending timers are dropped with it.
     */
    @Override
    public void merged(Connection c, String from, String into) throws SQLException {
        JourneyContext source = load(c, from);
        JourneyContext target = load(c, into);
        JourneyContext survivor = source.asOf().isAfter(target.asOf()) ? source : target;
        JourneyContext dropped = survivor == source ? target : source;
        for (String timerId : dropped.pendingTimers().keySet()) {
            deleteTimer(c, timerId);
        }
        try (PreparedStatement move = c.prepareStatement(
                "UPDATE journey_timers SET profile_id = ? WHERE profile_id = ?")) {
            move.setString(1, into);
            move.setString(2, from);
            move.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM journeys WHERE profile_id = ?")) {
            delete.setString(1, from);
            delete.executeUpdate();
        }
        cache.remove(from);
        if (survivor.stage() != JourneyStage.AWARENESS || !survivor.asOf().equals(Instant.EPOCH)) {
            save(c, into, rekeyed(survivor, into), survivor.asOf());
        }
    }

    private static JourneyContext rekeyed(JourneyContext c, String profileId) {
        return new JourneyContext(profileId, c.stage(), c.asOf(), c.sessions(), c.serviceJourneys(), c.recent(),
                c.cart(), c.counters(), c.lastIntent(), c.pendingTimers(), c.lastFired(), c.sources(),
                c.webEventIds());
    }

    /** Forgets cached contexts, after a transaction that may have cached uncommitted ones failed. */
    void forget() {
        cache.clear();
    }
}
