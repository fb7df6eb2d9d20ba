package dev.waymark.dist.internal;

import dev.waymark.decision.BundleContents;
import dev.waymark.decision.BundleSigner;
import dev.waymark.decision.BundleSigning;
import dev.waymark.decision.BundleVerification;
import dev.waymark.decision.BundleVerifier;
import dev.waymark.decision.CandidateTrace;
import dev.waymark.decision.ConsentView;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionPipeline;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.PropensityModel;
import dev.waymark.decision.ScoreParts;
import dev.waymark.journey.Intent;
import dev.waymark.privacy.ConsentLedger;
import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.Purpose;
import dev.waymark.journey.IntentPatterns;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.journey.Step;
import dev.waymark.journey.TimerCommand;
import dev.waymark.journey.TimerFired;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.action.DecisionBundle;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionStart;
import java.io.PrintWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two shoppers at a kiosk, decided as a kiosk decides offline: from a decision bundle signed with Ed25519 and
 * verified before use, with the journey engine detecting intents and firing its timers on the kiosk's clock.
 * One leaves a full cart and gets an offer; one has asked for help and gets help, not a sales pitch.
 */
final class JourneyStory {

    private static final Instant OPENING = Instant.parse("2026-11-23T10:00:00Z");
    private static final Source KIOSK = Source.device("store-0042", "kiosk-07");

    private final PrintWriter out;
    private final JourneyEngine engine = JourneyEngine.defaults();
    private final UlidGenerator ids = new UlidGenerator(Clock.fixed(OPENING, ZoneOffset.UTC), new SplittableRandom(7));

    JourneyStory(PrintWriter out) {
        this.out = out;
    }

    /** Runs both stories; returns the actions shown, one list per shopper. */
    List<List<String>> run() {
        DecisionPipeline pipeline = verifiedPipeline();
        List<List<String>> shown = new ArrayList<>();
        out.println("Shopper 1 browses trail shoes, adds a pair to the cart and walks away.");
        shown.add(shop(pipeline, "ks_shopper1", List.of(
                new ProductView("ks_shopper1", "SKU-10452", "running-shoes", 12_999, "USD"),
                new ProductView("ks_shopper1", "SKU-10453", "running-shoes", 14_999, "USD"),
                new CartAdd("ks_shopper1", "SKU-10452", "running-shoes", 1, 12_999, "USD"))));
        out.println("Shopper 2 asks for a fitting at the kiosk, adds shoes to the cart, and walks away too.");
        shown.add(shop(pipeline, "ks_shopper2", List.of(
                new ServiceRequest("ks_shopper2", "fitting", Optional.empty()),
                new CartAdd("ks_shopper2", "SKU-10452", "running-shoes", 1, 12_999, "USD"))));
        return shown;
    }

    private DecisionPipeline verifiedPipeline() {
        KeyPair keys = ed25519();
        BundleContents contents = new BundleContents(1, DemoCatalog.actions(), IntentPatterns.defaults().toJson(),
                DemoCatalog.policies(), PropensityModel.uniform().snapshot());
        BundleSigning signing = BundleSigner.of(keys.getPrivate(), "demo-bundle").sign(contents);
        if (!(signing instanceof BundleSigning.Signed signed)) {
            throw new IllegalStateException("the demo catalog does not compile: " + signing);
        }
        DecisionBundle bundle = signed.bundle();
        BundleVerification verification = BundleVerifier.trusting(Map.of("demo-bundle", keys.getPublic()))
                .verify(bundle);
        if (!(verification instanceof BundleVerification.Verified verified)) {
            throw new IllegalStateException("the demo bundle was refused: " + verification);
        }
        out.printf("Decision bundle v%d: %d actions and %d intent patterns, signed with Ed25519 and verified "
                + "as a kiosk does before deciding offline.%n", bundle.version(), contents.actions().size(),
                IntentPatterns.defaults().all().size());
        return verified.pipeline(7);
    }

    private List<String> shop(DecisionPipeline pipeline, String session, List<Payload> taps) {
        JourneyContext journey = JourneyContext.empty(session);
        List<TimerCommand.Set> timers = new ArrayList<>();
        List<Intent> intents = new ArrayList<>();
        Instant at = OPENING;
        long sequence = 1;
        List<Payload> all = new ArrayList<>();
        all.add(new SessionStart(session, "en-US"));
        all.addAll(taps);
        for (Payload tap : all) {
            at = at.plusSeconds(20);
            Step step = engine.onEvent(journey, CloudEvent.of(ids.next(), KIOSK, at, sequence++, tap));
            journey = step.state();
            intents.addAll(step.intents());
            step.timers().forEach(command -> track(timers, command));
        }
        // The kiosk's timer wheel: nobody touches the screen again, so the earliest timer fires when due.
        timers.sort(Comparator.comparing(TimerCommand.Set::dueAt));
        for (TimerCommand.Set timer : timers) {
            Step step = engine.onTimer(journey, new TimerFired(timer.timerId(), timer.dueAt()));
            journey = step.state();
            intents.addAll(step.intents());
        }
        // On screen, the shopper said yes to offers at this kiosk: that consent decides what may be shown.
        ConsentView consent = ConsentView.of(ConsentLedger.empty().append(ConsentRecord.of(session,
                Purpose.MARKETING, Channel.KIOSK, ConsentStatus.GRANTED, "kiosk", OPENING))
                .effective(session));
        List<String> shown = new ArrayList<>();
        for (Intent intent : intents) {
            shown.addAll(decide(pipeline, journey, intent, consent));
        }
        return shown;
    }

    private List<String> decide(DecisionPipeline pipeline, JourneyContext journey, Intent intent,
            ConsentView consent) {
        DecisionRequest request = DecisionRequest.builder(DecisionMode.TRIGGERED, "d-" + intent.sourceEventId(),
                        journey.profileKey(), Channel.KIOSK, DemoCatalog.PLACEMENT, intent.at())
                .journey(journey.facts())
                .intent(intent.name())
                .consent(consent)
                .build();
        DecisionResult result = pipeline.decide(request);
        out.printf("  intent %-18s -> %s%n", intent.name(), result.actions().isEmpty() ? "no action"
                : "shows " + String.join(", ", result.actions().stream().map(a -> a.actionId()).toList()));
        for (CandidateTrace candidate : result.explanation().candidates()) {
            out.println("      " + explain(candidate));
        }
        return result.actions().stream().map(a -> a.actionId()).toList();
    }

    private static String explain(CandidateTrace candidate) {
        if (candidate.selected()) {
            ScoreParts score = candidate.score().orElseThrow();
            return String.format(Locale.ROOT, "%-20s selected: score %.2f = propensity %.2f x value %.1f x weight %.1f",
                    candidate.actionId(), score.score(), score.propensity(), score.value(), score.weight());
        }
        return String.format(Locale.ROOT, "%-20s removed at %s: %s", candidate.actionId(),
                candidate.removedAt().orElseThrow().name().toLowerCase(Locale.ROOT), candidate.reason());
    }

    private static void track(List<TimerCommand.Set> timers, TimerCommand command) {
        if (command instanceof TimerCommand.Set set) {
            timers.removeIf(t -> t.timerId().equals(set.timerId()));
            timers.add(set);
        } else if (command instanceof TimerCommand.Cancel cancel) {
            timers.removeIf(t -> t.timerId().equals(cancel.timerId()));
        }
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }
}
