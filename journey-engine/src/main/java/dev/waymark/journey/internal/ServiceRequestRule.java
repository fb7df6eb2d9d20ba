package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import dev.waymark.journey.IntentPattern.ServiceRequestInitiation;
import dev.waymark.journey.ServiceJourney;
import java.util.Locale;
import java.util.Map;

/** Service request initiation: an inquiry about a topic with no open service journey opens one and fires. */
final class ServiceRequestRule implements PatternRule {

    private final ServiceRequestInitiation pattern;

    ServiceRequestRule(ServiceRequestInitiation pattern) {
        this.pattern = pattern;
    }

    @Override
    public void onActivity(Draft d, Occurrence o) {
        if (o.activity() != Activity.SERVICE_INQUIRY) {
            return;
        }
        String topic = o.facts().topic();
        boolean alreadyOpen = d.before.serviceJourneys().stream().anyMatch(j -> j.topic().equals(topic));
        if (alreadyOpen) {
            return;
        }
        String journeyId = d.serviceJourneys.stream().filter(j -> j.topic().equals(topic)).findFirst()
                .map(ServiceJourney::id).orElse(o.eventId());
        d.emit(pattern.name(), o.at(), o.eventId(), Map.of("topic", topic,
                "serviceJourneyId", journeyId,
                "channel", o.facts().channel().name().toLowerCase(Locale.ROOT),
                "sessionId", o.session().id()));
    }
}
