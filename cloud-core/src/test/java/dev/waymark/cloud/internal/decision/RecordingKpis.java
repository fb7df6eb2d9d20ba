package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.insight.KpiRecorder;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The KPI seam, recording the facts it is given. */
final class RecordingKpis implements KpiRecorder {

    final List<DecisionFact> decisions = new CopyOnWriteArrayList<>();
    final List<OutcomeFact> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void decided(Connection connection, DecisionFact fact) {
        decisions.add(fact);
    }

    @Override
    public void outcome(Connection connection, OutcomeFact fact) {
        outcomes.add(fact);
    }

    @Override
    public void purchase(Connection connection, String profileId, String storeId, Instant at, long value) {
    }

    @Override
    public void journey(Connection connection, String storeId, String journeyType, boolean completed, Instant at) {
    }
}
