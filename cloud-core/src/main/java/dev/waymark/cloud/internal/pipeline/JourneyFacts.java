package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.journey.Activity;
import dev.waymark.journey.JourneyContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Derives the journey KPI facts from a context before and after an event: a purchase journey starts when an empty
 * cart gets its first line and completes with a purchase; a service journey starts when one opens and completes
 * when one is resolved.
 */
final class JourneyFacts {

    private JourneyFacts() {
    }

    static void record(Connection c, KpiRecorder kpis, String storeId, JourneyContext before, JourneyContext after,
            Optional<Activity> activity, Instant at) throws SQLException {
        if (before.cart().isEmpty() && !after.cart().isEmpty()) {
            kpis.journey(c, storeId, "purchase", false, at);
        }
        if (activity.filter(a -> a == Activity.PURCHASE).isPresent()) {
            kpis.journey(c, storeId, "purchase", true, at);
        }
        if (after.serviceJourneys().size() > before.serviceJourneys().size()) {
            kpis.journey(c, storeId, "service", false, at);
        }
        if (activity.filter(a -> a == Activity.SERVICE_RESOLVED).isPresent()
                && after.serviceJourneys().size() < before.serviceJourneys().size()) {
            kpis.journey(c, storeId, "service", true, at);
        }
    }
}
