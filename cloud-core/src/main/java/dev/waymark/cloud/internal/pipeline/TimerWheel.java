package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.LiveFeed;
import dev.waymark.journey.Intent;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.journey.Step;
import dev.waymark.journey.TimerFired;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fires the journey timers that are due, from the store's {@code journey_timers} table, so a cart-abandonment timer
 * set before a restart still fires after it. Each round runs in one store transaction: the engine's step, the new
 * context, the timer row's removal and the decision commit together.
 */
public final class TimerWheel {

    /** Timers fired per round at most, so one round stays short. */
    private static final int ROUND = 500;

    private final Vertx vertx;
    private final Store store;
    private final Supplier<JourneyEngine> engines;
    private final JourneyStore journeys;
    private final TriggerDesk triggers;
    private final Clock clock;

    TimerWheel(Vertx vertx, Store store, Supplier<JourneyEngine> engines, JourneyStore journeys, TriggerDesk triggers,
            Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.engines = engines;
        this.journeys = journeys;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** Fires every timer due now; completes with how many fired. */
    public Future<Integer> fireDue() {
        return store.write(this::fireRound)
                .onFailure(failure -> journeys.forget())
                .map(fired -> {
                    fired.live().forEach(item -> vertx.eventBus().publish(LiveFeed.ADDRESS, item));
                    return fired.count();
                });
    }

    private record Round(int count, List<JsonObject> live) {
    }

    private record Due(String timerId, String profileId, Optional<String> storeId, Optional<String> deviceId,
            Instant dueAt) {
    }

    private Round fireRound(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<JsonObject> live = new ArrayList<>();
        List<Due> due = due(c, now);
        JourneyEngine engine = engines.get();
        int fired = 0;
        for (Due timer : due) {
            // The delete is the claim: on PostgreSQL a second replica's delete waits for the first one's commit and
            // then removes nothing, so each timer fires once however many replicas saw it due.
            if (!JourneyStore.deleteTimer(c, timer.timerId())) {
                continue;
            }
            fired++;
            JourneyContext before = journeys.load(c, timer.profileId());
            Step step = engine.onTimer(before, new TimerFired(timer.timerId(), now));
            if (step.state() != before) {
                journeys.save(timer.profileId(), step.state(), now);
                journeys.applyTimers(c, timer.profileId(), step.timers(), timer.storeId(), timer.deviceId());
            }
            for (Intent intent : step.intents()) {
                live.addAll(triggers.decide(c, timer.profileId(), intent, step.state(), timer.storeId(),
                        timer.deviceId(), timer.dueAt(), now));
            }
        }
        journeys.flush(c);
        return new Round(fired, live);
    }

    private static List<Due> due(Connection c, Instant now) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT timer_id, profile_id, store_id, device_id, due_at "
                + "FROM journey_timers WHERE due_at <= ? ORDER BY due_at LIMIT " + ROUND)) {
            select.setLong(1, now.toEpochMilli());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        }
        return due;
    }
}
