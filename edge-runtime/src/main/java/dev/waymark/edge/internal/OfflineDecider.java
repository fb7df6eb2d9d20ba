package dev.waymark.edge.internal;

import dev.waymark.decision.ActionCatalog;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.BundleContents;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.Contact;
import dev.waymark.decision.ContactHistory;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionPipeline;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.PropensityModel;
import dev.waymark.decision.SelectedAction;
import dev.waymark.journey.ActivityMapping;
import dev.waymark.journey.Intent;
import dev.waymark.journey.IntentPatterns;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.journey.Step;
import dev.waymark.journey.TimerCommand;
import dev.waymark.journey.TimerFired;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.event.ConsentState;
import dev.waymark.protocol.event.ConsentUpdate;
import dev.waymark.protocol.event.LoyaltyScan;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs {@code journey-engine} on the kiosk's own sessions and decides intents locally from the last verified
 * bundle: while the store is offline — the hub unreachable, or the hub saying it cannot reach the cloud — or always,
 * when configured. Everything runs on one thread in commit order.
 * A locally decided action is shown at once; its contact is stored in SQLite (so caps hold across restarts) and an
 * impression event with the {@code edge-} decision id goes into the outbox, so the cloud counts it later. Its
 * explanation is kept in memory for the screen's "why" link.
 */
final class OfflineDecider implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OfflineDecider.class.getName());
    private static final long SEED = 0x5eed_ed6eL;

    /** The verified bundle in use, ready to decide. */
    private record Brain(long version, JourneyEngine engine, DecisionPipeline pipeline, ActionCatalog catalog) {
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "edge-decider"));
    private final Clock clock;
    private final UlidGenerator ids;
    private final OutboxWriter writer;
    private final ActionDisplay display;
    private final BooleanSupplier storeOnline;
    private final boolean always;
    private final String placement;
    private final Consumer<JsonObject> outcomes;
    private final KeptExplanations explanations;
    private final Map<String, ShopperSession> sessions = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();
    private final Map<String, String> timerSessions = new HashMap<>();
    private final AtomicLong decisions = new AtomicLong();
    private volatile long bundleVersion;
    private Optional<Brain> brain = Optional.empty();
    private ContactHistory history;

    OfflineDecider(Clock clock, UlidGenerator ids, OutboxWriter writer, ActionDisplay display,
                   BooleanSupplier storeOnline, boolean always, String placement, ContactHistory history,
                   Consumer<JsonObject> outcomes, KeptExplanations explanations) {
        this.clock = clock;
        this.ids = ids;
        this.writer = writer;
        this.display = display;
        this.storeOnline = storeOnline;
        this.always = always;
        this.placement = placement;
        this.history = history;
        this.outcomes = outcomes;
        this.explanations = explanations;
    }

    /** Switches to a verified bundle; throws IllegalArgumentException when its intent patterns do not load. */
    void install(BundleContents contents, ActionCatalog catalog) {
        IntentPatterns patterns = IntentPatterns.parse(contents.intentPatterns()).orElseThrow();
        Brain next = new Brain(contents.version(), JourneyEngine.of(ActivityMapping.defaults(), patterns),
                DecisionPipeline.create(catalog, contents.policies(), PropensityModel.restore(contents.model()), SEED),
                catalog);
        onThread(() -> brain = Optional.of(next));
        bundleVersion = contents.version();
    }

    long bundleVersion() {
        return bundleVersion;
    }

    long decisions() {
        return decisions.get();
    }

    /** Feeds committed events, in commit order. */
    void onCommitted(List<CloudEvent> events) {
        onThread(() -> events.forEach(this::apply));
    }

    /** Runs on the decider's thread; once the agent is closing there is nothing left to decide for. */
    private void onThread(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closing) {
            // A bundle or a commit that arrives while the agent closes: dropped on purpose.
        }
    }

    private void apply(CloudEvent event) {
        Optional<String> sessionId = SessionIdOf.event(event);
        if (sessionId.isEmpty()) {
            return;
        }
        ShopperSession session = sessions.computeIfAbsent(sessionId.get(), ShopperSession::new);
        if (event.data() instanceof LoyaltyScan scan) {
            session.loyaltyToken(scan.loyaltyId());
        } else if (event.data() instanceof ConsentUpdate consent) {
            session.consent(consent.purpose(), consent.channel(), consent.state() == ConsentState.GRANTED);
        }
        brain.ifPresent(b -> step(session, sessionId.get(), b.engine().onEvent(session.journey(), event)));
        if (event.type().equals(CaptureEnvelopes.SESSION_END)) {
            sessions.remove(sessionId.get());
            timerSessions.entrySet().removeIf(e -> {
                boolean ended = e.getValue().equals(sessionId.get());
                if (ended) {
                    Optional.ofNullable(timers.remove(e.getKey())).ifPresent(f -> f.cancel(false));
                }
                return ended;
            });
        }
    }

    private void step(ShopperSession session, String sessionId, Step step) {
        session.journey(step.state());
        for (TimerCommand command : step.timers()) {
            Optional.ofNullable(timers.remove(command.timerId())).ifPresent(f -> f.cancel(false));
            timerSessions.remove(command.timerId());
            if (command instanceof TimerCommand.Set set) {
                long delay = Math.max(0, Duration.between(clock.instant(), set.dueAt()).toMillis());
                timerSessions.put(set.timerId(), sessionId);
                timers.put(set.timerId(), thread.schedule(() -> fire(set.timerId()), delay, TimeUnit.MILLISECONDS));
            }
        }
        for (Intent intent : step.intents()) {
            decide(session, intent);
        }
    }

    private void fire(String timerId) {
        timers.remove(timerId);
        String sessionId = timerSessions.remove(timerId);
        ShopperSession session = sessionId == null ? null : sessions.get(sessionId);
        if (session != null) {
            brain.ifPresent(b -> step(session, sessionId,
                    b.engine().onTimer(session.journey(), new TimerFired(timerId, clock.instant()))));
        }
    }

    private void decide(ShopperSession session, Intent intent) {
        if (brain.isEmpty() || (!always && storeOnline.getAsBoolean())) {
            return;
        }
        Brain b = brain.get();
        Instant now = clock.instant();
        String decisionId = "edge-" + ids.next().value();
        try {
            DecisionRequest request = DecisionRequest.builder(DecisionMode.TRIGGERED, decisionId,
                            session.holdoutKey(), Channel.KIOSK, placement, now)
                    .journey(session.journey().facts()).event(intent.attributes()).intent(intent.name())
                    .consent(session.consent()).history(history).build();
            DecisionResult result = b.pipeline().decide(request);
            // Kept before the action is shown, so the screen's "why" link answers as soon as the card appears.
            explanations.keep(decisionId, EdgeDecisionJson.of(result, intent.name(), placement, b.version()));
            for (SelectedAction selected : result.actions()) {
                ActionDefinition definition = b.catalog().find(selected.actionId()).orElseThrow();
                if (display.show(toAction(selected, definition, decisionId, now))) {
                    outcomes.accept(OutcomeJson.impression(selected.actionId(), decisionId, selected.placement()));
                }
            }
            List<Contact> contacts = result.contacts();
            history = history.with(contacts);
            for (Contact contact : contacts) {
                writer.addContact(contact.actionId(), contact.channel().name(), contact.category().name(),
                        contact.at().toEpochMilli());
            }
            decisions.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "offline decision for intent " + intent.name() + " failed: " + e);
        }
    }

    private static Action toAction(SelectedAction selected, ActionDefinition definition, String decisionId,
                                   Instant now) {
        ActionKind kind = switch (selected.category()) {
            case SALES -> ActionKind.OFFER;
            case CARE -> ActionKind.HELP;
            case SERVICE -> ActionKind.NUDGE;
        };
        // The bundle carries no display text or currency: the kiosk UI renders the action by its id.
        return new Action(selected.actionId(), decisionId, kind, selected.placement(), selected.actionId(), "",
                Math.max(0, Math.round(definition.value())), "EUR", now, selected.expiresAt());
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
