package dev.waymark.dist.internal.demo;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of the demo for its status line: both simulators' counters and, when the caller has them, the cloud's
 * decision count and uplift text.
 *
 * @param kiosk     the kiosk simulator's counters
 * @param web       the web simulator's counters
 * @param decisions decisions the cloud made, if known
 * @param uplift    the uplift as the cloud reports it (e.g. {@code +3.1 pp [-2.0, +8.2]}), if known
 */
public record DemoStats(KioskCounts kiosk, WebCounts web, OptionalLong decisions, Optional<String> uplift) {

    /** The simulators' counters without cloud figures. */
    public static DemoStats of(KioskCounts kiosk, WebCounts web) {
        return new DemoStats(kiosk, web, OptionalLong.empty(), Optional.empty());
    }

    /** These stats with the cloud's decision count. */
    public DemoStats withDecisions(long count) {
        return new DemoStats(kiosk, web, OptionalLong.of(count), uplift);
    }

    /** These stats with the cloud's uplift text; a blank text means unknown. */
    public DemoStats withUplift(String text) {
        return new DemoStats(kiosk, web, decisions, text.isBlank() ? Optional.empty() : Optional.of(text.strip()));
    }

    /** Events the platform took: kiosk captures stored plus web calls accepted. */
    public long events() {
        return kiosk.stored() + web.accepted();
    }

    /** Accepted actions over actions shown, empty before the first action. */
    public Optional<Double> acceptance() {
        long shown = kiosk.actionsReceived();
        return shown == 0 ? Optional.empty() : Optional.of((double) kiosk.accepted() / shown);
    }

    /**
     * One line: {@code 12.3 events/s | 41 decisions | 17 actions shown | acceptance 29% | uplift +3.1 pp [...]};
     * decisions and uplift only when known, acceptance {@code n/a} before the first action, and refused or failed
     * calls at the end when there are any.
     */
    public String summaryLine(Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.1f events/s", events() / seconds));
        decisions.ifPresent(count -> line.append(" | ").append(count).append(" decisions"));
        line.append(" | ").append(kiosk.actionsReceived()).append(" actions shown");
        line.append(" | acceptance ").append(acceptance()
                .map(share -> String.format(Locale.ROOT, "%.0f%%", share * 100)).orElse("n/a"));
        uplift.ifPresent(text -> line.append(" | uplift ").append(text));
        long refused = kiosk.refused() + web.refused() + web.failed() + kiosk.unanswered();
        if (refused > 0) {
            line.append(" | ").append(refused).append(" refused or unanswered");
        }
        return line.toString();
    }
}
