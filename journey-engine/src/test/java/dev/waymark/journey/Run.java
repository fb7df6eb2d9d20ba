package dev.waymark.journey;

import dev.waymark.protocol.CloudEvent;
import java.util.ArrayList;
import java.util.List;

/** Applies events in order and keeps everything the engine produced, like a minimal host without a clock. */
final class Run {

    final JourneyEngine engine;
    JourneyContext state;
    final List<Intent> intents = new ArrayList<>();
    final List<TimerCommand> timers = new ArrayList<>();

    Run(JourneyEngine engine, String profileKey) {
        this.engine = engine;
        this.state = JourneyContext.empty(profileKey);
    }

    Step apply(CloudEvent event) {
        return record(engine.onEvent(state, event));
    }

    Step fire(TimerFired fired) {
        return record(engine.onTimer(state, fired));
    }

    Run applyAll(CloudEvent... events) {
        for (CloudEvent e : events) {
            apply(e);
        }
        return this;
    }

    List<String> intentNames() {
        return intents.stream().map(Intent::name).toList();
    }

    private Step record(Step step) {
        state = step.state();
        intents.addAll(step.intents());
        timers.addAll(step.timers());
        return step;
    }
}
