package dev.waymark.decision.offline;

import dev.waymark.decision.Outcome;
import dev.waymark.decision.PropensityModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;

/**
 * The platform's learner as a bandit policy over items: {@link PropensityModel} arms per (item, segment), one
 * Thompson draw per item, argmax. {@link #probabilities} estimates the policy's action distribution by Monte Carlo,
 * which SNIPS needs because Thompson sampling has no closed form for it.
 */
final class ThompsonPolicy {

    private final PropensityModel model;
    private final int items;

    ThompsonPolicy(PropensityModel model, int items) {
        this.model = model;
        this.items = items;
    }

    static String arm(int item) {
        return "item-" + item;
    }

    int choose(String segment, RandomGenerator random) {
        int best = 0;
        double bestDraw = -1;
        for (int item = 0; item < items; item++) {
            double draw = model.sample(arm(item), segment, random);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = item;
            }
        }
        return best;
    }

    /**
     * The replay method: walk the log in order; where the policy picks the logged item the round counts (its click
     * is kept and the policy learns from it), otherwise it is skipped. Unbiased for a uniformly random log.
     */
    boolean[] replay(List<LoggedEvent> log, RandomGenerator random) {
        List<Boolean> kept = new ArrayList<>();
        for (LoggedEvent event : log) {
            if (choose(event.segment(), random) == event.item()) {
                kept.add(event.click());
                learn(event);
            }
        }
        boolean[] out = new boolean[kept.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = kept.get(i);
        }
        return out;
    }

    void learn(LoggedEvent event) {
        model.update(new Outcome(arm(event.item()), event.segment(), event.click()));
    }

    /** Estimated P(choose item | segment) from {@code draws} Thompson rounds, cached per segment. */
    ToDoubleBiFunction<String, Integer> probabilities(int draws, RandomGenerator random) {
        Map<String, double[]> cache = new HashMap<>();
        return (segment, item) -> cache.computeIfAbsent(segment, s -> {
            double[] p = new double[items];
            for (int i = 0; i < draws; i++) {
                p[choose(s, random)] += 1.0 / draws;
            }
            return p;
        })[item];
    }
}
