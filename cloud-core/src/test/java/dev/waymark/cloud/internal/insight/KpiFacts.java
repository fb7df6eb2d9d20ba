package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.insight.KpiRecorder.DecisionFact;
import dev.waymark.cloud.internal.insight.KpiRecorder.OutcomeFact;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A known set of KPI facts, recorded through {@link KpiBook}: store s1 action "coupon" 40 treated (20 convert) vs
 * 40 control (10 convert), 10 impressions with latencies 100..1000 ms and 4 accepts; store s2 action "help" 5
 * treated (2 convert) vs 3 control (0 convert), 2 impressions, 1 accept; journeys purchase 4 started 1 completed
 * (s1), service 2 started 2 completed (s2).
 */
final class KpiFacts {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    final KpiBook book = new KpiBook();

    void recordAll(Store store) throws Exception {
        store.write(c -> {
            coupon(c);
            help(c);
            journeys(c);
            return null;
        }).await(20, TimeUnit.SECONDS);
    }

    private void coupon(Connection c) throws SQLException {
        for (int i = 0; i < 40; i++) {
            Instant at = T0.plusSeconds(i);
            decide(c, "dt" + i, "pt" + i, "s1", List.of("coupon"), false, List.of(), at, at.minusMillis(2000));
            if (i < 20) {
                book.purchase(c, "pt" + i, "s1", at.plus(Duration.ofDays(2)), 1000);
            }
            decide(c, "dc" + i, "pc" + i, "s1", List.of(), true, List.of("coupon"), at, at);
            if (i < 10) {
                book.purchase(c, "pc" + i, "s9", at.plus(Duration.ofHours(3)), 500);
            }
        }
        // Outside the window and before the decision: neither is a conversion.
        book.purchase(c, "pc39", "s1", T0.plus(Duration.ofDays(8)), 500);
        book.purchase(c, "pc38", "s1", T0.minusSeconds(60), 500);
        for (int i = 0; i < 10; i++) {
            Instant captured = T0.plusSeconds(i).minusMillis(2000);
            outcome(c, "dt" + i, "coupon", "impression", "s1", captured.plusMillis(100L * (i + 1)));
            if (i < 4) {
                outcome(c, "dt" + i, "coupon", "accept", "s1", captured.plusMillis(5000));
            }
        }
        // Redelivered: counts once.
        outcome(c, "dt0", "coupon", "impression", "s1", T0.minusMillis(1900));
    }

    private void help(Connection c) throws SQLException {
        for (int i = 0; i < 5; i++) {
            Instant at = T0.plus(Duration.ofHours(1)).plusSeconds(i);
            decide(c, "ht" + i, "qt" + i, "s2", List.of("help"), false, List.of(), at, at.minusMillis(50));
            if (i < 2) {
                book.purchase(c, "qt" + i, "s2", at.plusSeconds(30), 100);
            }
        }
        for (int i = 0; i < 3; i++) {
            Instant at = T0.plus(Duration.ofHours(1)).plusSeconds(i);
            decide(c, "hc" + i, "qc" + i, "s2", List.of(), true, List.of("help"), at, at);
        }
        outcome(c, "ht0", "help", "impression", "s2", T0.plus(Duration.ofHours(1)));
        outcome(c, "ht1", "help", "impression", "s2", T0.plus(Duration.ofHours(1)).plusSeconds(1));
        outcome(c, "ht1", "help", "accept", "s2", T0.plus(Duration.ofHours(1)).plusSeconds(3));
    }

    private void journeys(Connection c) throws SQLException {
        for (int i = 0; i < 4; i++) {
            book.journey(c, "s1", "purchase", false, T0.plusSeconds(i));
        }
        book.journey(c, "s1", "purchase", true, T0.plusSeconds(100));
        for (int i = 0; i < 2; i++) {
            book.journey(c, "s2", "service", false, T0.plusSeconds(i));
            book.journey(c, "s2", "service", true, T0.plusSeconds(50 + i));
        }
    }

    void decide(Connection c, String id, String profile, String store, List<String> chosen, boolean control,
            List<String> wouldBe, Instant at, Instant capture) throws SQLException {
        book.decided(c, new DecisionFact(id, profile, store, chosen, control, wouldBe, at, Optional.of(capture)));
    }

    void outcome(Connection c, String decision, String action, String kind, String store, Instant at)
            throws SQLException {
        book.outcome(c, new OutcomeFact(decision, action, kind, store, "p-" + decision, at, 0));
    }
}
