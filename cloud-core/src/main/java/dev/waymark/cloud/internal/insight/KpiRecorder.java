package dev.waymark.cloud.internal.insight;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records the facts the KPIs are computed from, inside the caller's transaction. Store ids are a store's id, or
 * {@link #WEB} for web and app.
 */
public interface KpiRecorder {

    /** The store id of web and app facts. */
    String WEB = "web";

    /**
     * A decision.
     *
     * @param chosen             chosen action ids (empty for the control group or "nothing")
     * @param controlGroup       the profile was held out
     * @param wouldBe            for the control group, what would have been chosen
     * @param triggerCaptureTime for a kiosk decision, the trigger's capture time on the kiosk's clock
     */
    record DecisionFact(String decisionId, String profileId, String storeId, List<String> chosen,
            boolean controlGroup, List<String> wouldBe, Instant decidedAt, Optional<Instant> triggerCaptureTime) {
        public DecisionFact {
            Objects.requireNonNull(decisionId, "decisionId");
            Objects.requireNonNull(profileId, "profileId");
            Objects.requireNonNull(storeId, "storeId");
            chosen = List.copyOf(chosen);
            wouldBe = List.copyOf(wouldBe);
            Objects.requireNonNull(decidedAt, "decidedAt");
            Objects.requireNonNull(triggerCaptureTime, "triggerCaptureTime");
        }
    }

    /**
     * An outcome of a shown action: {@code kind} is impression, accept, dismiss or convert; {@code at} is the
     * event's time on the device's clock; {@code value} minor units for a conversion, else 0.
     */
    record OutcomeFact(String decisionId, String actionId, String kind, String storeId, String profileId, Instant at,
            long value) {
        public OutcomeFact {
            Objects.requireNonNull(decisionId, "decisionId");
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(profileId, "profileId");
            Objects.requireNonNull(at, "at");
        }
    }

    void decided(Connection connection, DecisionFact fact) throws SQLException;

    void outcome(Connection connection, OutcomeFact fact) throws SQLException;

    /** A purchase by a profile (for conversion of treated and control alike), value in minor units. */
    void purchase(Connection connection, String profileId, String storeId, Instant at, long value)
            throws SQLException;

    /** A journey of {@code journeyType} ({@code purchase}, {@code service}) started or completed. */
    void journey(Connection connection, String storeId, String journeyType, boolean completed, Instant at)
            throws SQLException;
}
