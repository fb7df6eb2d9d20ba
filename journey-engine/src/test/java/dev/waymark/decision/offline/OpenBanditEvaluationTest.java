package dev.waymark.decision.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.PropensityModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Offline evaluation of the Thompson learner on the Open Bandit Dataset samples (10,000 rounds per campaign and
 * policy): SNIPS of the policy learned on the first half of the random log, measured on the second half; replay
 * of the learner over the whole random log; beside the logged random and BTS click rates. Writes the table that
 * docs/decisioning.md quotes to target/obp-evaluation.md.
 */
class OpenBanditEvaluationTest {

    private static final int RESAMPLES = 2_000;

    @Test
    void evaluate_thompsonLearnerOnRandomLogs_menAndWomen() throws IOException {
        Optional<Path> datasets = ObdLog.datasets();
        if (datasets.isEmpty()) {
            System.err.println("!!! SKIPPED: shared/datasets not found; set WM_DATASETS to run the OBD evaluation");
        }
        Assumptions.assumeTrue(datasets.isPresent(), "shared/datasets not found (set WM_DATASETS)");
        StringBuilder table = new StringBuilder("| campaign | policy | estimator | CTR | 95% interval | rounds"
                + " | difference to random (95%) |\n|---|---|---|---|---|---|---|\n");
        for (String campaign : List.of("men", "women")) {
            evaluate(datasets.get(), campaign, table);
        }
        Path out = Path.of("target", "obp-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    private static void evaluate(Path datasets, String campaign, StringBuilder table) throws IOException {
        ObdLog.Campaign random = ObdLog.read(datasets, "random", campaign);
        ObdLog.Campaign bts = ObdLog.read(datasets, "bts", campaign);
        List<LoggedEvent> log = random.events();
        int half = log.size() / 2;
        List<LoggedEvent> train = log.subList(0, half);
        List<LoggedEvent> test = log.subList(half, log.size());

        ThompsonPolicy learned = new ThompsonPolicy(PropensityModel.uniform(), random.items());
        train.forEach(learned::learn);
        ToDoubleBiFunction<String, Integer> target = learned.probabilities(20_000, new SplittableRandom(11));
        OffPolicyEstimates.Estimate snips = OffPolicyEstimates.snips(test, target, RESAMPLES,
                new SplittableRandom(12));
        ToDoubleBiFunction<String, Integer> uniform = (segment, item) -> 1.0 / random.items();
        OffPolicyEstimates.Difference snipsGain = OffPolicyEstimates.snipsDifference(test, target, uniform,
                RESAMPLES, new SplittableRandom(12));
        OffPolicyEstimates.Estimate uniformSnips = OffPolicyEstimates.snips(test, uniform, RESAMPLES,
                new SplittableRandom(13));

        ThompsonPolicy online = new ThompsonPolicy(PropensityModel.uniform(), random.items());
        OffPolicyEstimates.Estimate replay = OffPolicyEstimates.replay(online.replay(log, new SplittableRandom(14)));
        OffPolicyEstimates.Estimate loggedRandom = logged(log);
        OffPolicyEstimates.Estimate loggedBts = logged(bts.events());

        assertThat(uniformSnips.value()).isEqualTo(logged(test).value());
        assertThat(snips.low()).isLessThanOrEqualTo(snips.value());
        assertThat(snips.high()).isGreaterThanOrEqualTo(snips.value());
        // The replay keeps about 1 in |items| rounds of a uniform log.
        assertThat(replay.rounds()).isBetween(log.size() / random.items() / 2, log.size() / random.items() * 2);

        paperRows(datasets, campaign, table);
        row(table, campaign, "random (logged)", "on-policy mean, Wilson", loggedRandom, "-");
        row(table, campaign, "BTS (logged, bts/ sample)", "on-policy mean, Wilson", loggedBts,
                verdict(OffPolicyEstimates.newcombe(loggedBts, loggedRandom), "Newcombe"));
        row(table, campaign, "Waymark Thompson, trained on 1st half", "SNIPS on 2nd half, bootstrap", snips,
                verdict(snipsGain, "paired bootstrap"));
        row(table, campaign, "Waymark Thompson, online", "replay, Wilson", replay,
                verdict(OffPolicyEstimates.newcombe(replay, loggedRandom), "Newcombe"));
    }

    /** Table 1 of the paper (full data, normal-approximation intervals), as transcribed in the dataset folder. */
    private static void paperRows(Path datasets, String campaign, StringBuilder table) throws IOException {
        List<String> lines = Files.readAllLines(datasets.resolve("open_bandit_dataset_sample")
                .resolve("obd_table1_paper.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].equals(campaign)) {
                double ctr = Double.parseDouble(cells[5]);
                double half = Double.parseDouble(cells[6]);
                table.append(String.format(Locale.ROOT, "| %s | %s (paper, full data) | on-policy mean, normal approx."
                        + " | %.2f%% | %.2f%% to %.2f%% | %,d | - |%n", campaign, cells[1], ctr, ctr - half,
                        ctr + half, Long.parseLong(cells[2])));
            }
        }
    }

    private static OffPolicyEstimates.Estimate logged(List<LoggedEvent> events) {
        int clicks = (int) events.stream().filter(LoggedEvent::click).count();
        return OffPolicyEstimates.wilson(clicks, events.size());
    }

    private static String verdict(OffPolicyEstimates.Difference gain, String method) {
        String interval = String.format(Locale.ROOT, "%+.2f pp (%+.2f to %+.2f, %s)", 100 * gain.value(),
                100 * gain.low(), 100 * gain.high(), method);
        if (gain.low() > 0) {
            return "better: " + interval;
        }
        if (gain.high() < 0) {
            return "worse: " + interval;
        }
        return "inconclusive: " + interval;
    }

    private static void row(StringBuilder table, String campaign, String policy, String estimator,
            OffPolicyEstimates.Estimate estimate, String verdict) {
        table.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f%% | %.2f%% to %.2f%% | %,d | %s |%n",
                campaign, policy, estimator, 100 * estimate.value(), 100 * estimate.low(), 100 * estimate.high(),
                estimate.rounds(), verdict));
    }
}
