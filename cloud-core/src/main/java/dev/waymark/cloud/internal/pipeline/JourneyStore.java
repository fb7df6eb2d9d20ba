package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.identity.MergeHook;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyContextCodec;
import dev.waymark.journey.JourneySettings;
import dev.waymark.journey.JourneyStage;
import dev.waymark.journey.TimerCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Journey contexts per profile and their durable timers, in the store's {@code journeys} and
 * {@code journey_timers} tables. Used only inside the store's writer (the pipeline and the timer wheel), so the
 * cache of recent contexts sees every change; it is dropped whenever a transaction fails. A saved context is
 * written when the work that changed it calls {@link #flush}, once however many of the batch's events changed it:
 * encoding a context is the pipeline's largest cost per event (JFR, docs/benchmarks.md).
 * On a store that several replicas share, the writer reads a context {@code FOR UPDATE}: a second replica changing
 * the same profile (one's profile router merging it while the other's pipeline applies its events) waits for this
 * transaction's commit and then reads its change, instead of overwriting it.
 */
final class JourneyStore implements MergeHook {

    private final Map<String, JourneyContext> cache;
    private final boolean lockRows;
    private final Map<String, Staged> staged = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Staged(JourneyContext context, Instant at) {
    }

    /** {@code lockRows}: read contexts {@code FOR UPDATE} (PostgreSQL; SQLite has a single writer anyway). */
    JourneyStore(int cachedProfiles, boolean lockRows) {
        this.lockRows = lockRows;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JourneyContext> eldest) {
                return size() > cachedProfiles;
            }
        });
    }

    /** The profile's context, or an empty one. */
    JourneyContext load(Connection c, String profileId) throws SQLException {
        Staged pending = staged.get(profileId);
        if (pending != null) {
            return pending.context();
        }
        JourneyContext cached = cache.get(profileId);
        if (cached != null) {
            return cached;
        }
        JourneyContext loaded = read(c, profileId, lockRows).orElseGet(() -> JourneyContext.empty(profileId));
        cache.put(profileId, loaded);
        return loaded;
    }

    /** The stored context, bypassing the cache (for readers outside the writer). */
    static Optional<JourneyContext> read(Connection c, String profileId) throws SQLException {
        return read(c, profileId, false);
    }

    private static Optional<JourneyContext> read(Connection c, String profileId, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT context FROM journeys WHERE profile_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, profileId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(JourneyContextCodec.read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Keeps {@code context} as the profile's; it is written by the next {@link #flush}, in the same work. */
    void save(String profileId, JourneyContext context, Instant now) {
        staged.put(profileId, new Staged(context, now));
        cache.put(profileId, context);
    }

    /** Writes the contexts saved since the last flush, each once; call it before the work's transaction ends. */
    void flush(Connection c) throws SQLException {
        if (staged.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO journeys (profile_id, context, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET context = excluded.context, "
                + "updated_at = excluded.updated_at")) {
            for (Map.Entry<String, Staged> entry : staged.entrySet()) {
                upsert.setString(1, entry.getKey());
                upsert.setString(2, JourneyContextCodec.write(entry.getValue().context()));
                upsert.setLong(3, entry.getValue().at().toEpochMilli());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        staged.clear();
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

    /** Deletes a timer; false when it was gone already (fired or cancelled by another replica). */
    static boolean deleteTimer(Connection c, String timerId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM journey_timers WHERE timer_id = ?")) {
            delete.setString(1, timerId);
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * On a merge the two contexts become one under {@code into} ({@link JourneyMerge}): the more recently active
     * one decides stage, cart and pending timers, the other one's timers are dropped; the history of both is kept.
     */
    @Override
    public void merged(Connection c, String from, String into) throws SQLException {
        JourneyContext source = load(c, from);
        JourneyContext target = load(c, into);
        JourneyContext survivor = JourneyMerge.survivor(target, source);
        JourneyContext dropped = survivor == source ? target : source;
        JourneyContext merged = JourneyMerge.of(survivor, dropped, into, JourneySettings.defaults());
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
        staged.remove(from);
        if (merged.stage() != JourneyStage.AWARENESS || !merged.asOf().equals(Instant.EPOCH)) {
            save(into, merged, merged.asOf());
        }
    }

    /** Forgets the cached and staged contexts of {@code profileIds}. */
    void forget(Collection<String> profileIds) {
        for (String profileId : profileIds) {
            cache.remove(profileId);
            staged.remove(profileId);
        }
    }

    /** Forgets cached contexts, after a transaction that may have cached uncommitted ones failed. */
    void forget() {
        staged.clear();
        cache.clear();
    }
}
