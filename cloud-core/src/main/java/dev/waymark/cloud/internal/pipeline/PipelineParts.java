package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.consent.ConsentBook;
import dev.waymark.cloud.internal.decision.Decider;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.IdentityResolver;
import dev.waymark.cloud.internal.insight.DeviceBook;
import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.protocol.CloudEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the pipeline hands each event to, in order: identity, consent, journey, decisions, KPIs, the device
 * overview.
 *
 * @param identifiersOf the identifiers an event carries (tokens, never raw PII)
 * @param engines       the journey engine of the current catalog version (its intent patterns)
 */
public record PipelineParts(Function<CloudEvent, List<Identifier>> identifiersOf, IdentityResolver identity,
        ConsentBook consent, Supplier<JourneyEngine> engines, Decider decider, KpiRecorder kpis, DeviceBook devices) {

    public PipelineParts {
        Objects.requireNonNull(identifiersOf, "identifiersOf");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(kpis, "kpis");
        Objects.requireNonNull(devices, "devices");
    }
}
