package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import dev.waymark.decision.internal.Facts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one decision reads. Fact maps are deep-copied into CEL's value types (ints become longs); use
 * {@link #builder} for the defaults.
 *
 * @param mode              inbound, triggered or campaign
 * @param decisionId        the decision's id; with the pipeline's seed it fixes the decision's random draws
 * @param holdoutKey        profile token when known, else the kiosk session: the control group hashes it, the same
 *                          at edge and cloud
 * @param channel           the channel asking (inbound) or the first choice to send on (triggered, campaign)
 * @param placement         the slot to fill, e.g. {@code "home-banner"}
 * @param profile           the customer's profile facts; empty at the edge, where only edge-decidable actions run
 * @param journey           journey facts ({@code JourneyContext.facts()})
 * @param event             the triggering event's facts (may be empty)
 * @param context           request context; for triggered decisions {@code context.intent} names the intent
 * @param consent           the customer's effective consent
 * @param history           what this customer was shown or sent
 * @param zone              the customer's time zone, for quiet hours
 * @param now               the decision time (the host's clock)
 * @param preferredChannels further channels to try after {@code channel}, in the customer's order of preference
 * @param reachableChannels channels the customer can be reached on now (has the app, a phone, an address)
 * @throws IllegalArgumentException naming the invalid field
 */
public record DecisionRequest(
        DecisionMode mode,
        String decisionId,
        String holdoutKey,
        Channel channel,
        String placement,
        Optional<Map<String, Object>> profile,
        Map<String, Object> journey,
        Map<String, Object> event,
        Map<String, Object> context,
        ConsentView consent,
        ContactHistory history,
        ZoneId zone,
        Instant now,
        List<Channel> preferredChannels,
        Set<Channel> reachableChannels) {

    /** The context key naming the intent of a triggered decision. */
    public static final String INTENT = "intent";

    public DecisionRequest {
        Objects.requireNonNull(mode, "mode");
        requireText("decisionId", decisionId);
        requireText("holdoutKey", holdoutKey);
        Objects.requireNonNull(channel, "channel");
        requireText("placement", placement);
        Objects.requireNonNull(profile, "profile");
        profile = profile.map(facts -> Facts.copy("profile", facts));
        journey = Facts.copy("journey", journey);
        event = Facts.copy("event", event);
        context = Facts.copy("context", context);
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        preferredChannels = List.copyOf(Objects.requireNonNull(preferredChannels, "preferredChannels"));
        reachableChannels = Collections.unmodifiableSet(reachableChannels.isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(reachableChannels));
        if (mode == DecisionMode.TRIGGERED && !(context.get(INTENT) instanceof String)) {
            throw new IllegalArgumentException("context.intent: a triggered decision names its intent");
        }
    }

    /** {@code channel} followed by the preferred channels, without repeats: the order channel choice tries. */
    public List<Channel> channelsInOrder() {
        Set<Channel> ordered = new LinkedHashSet<>();
        ordered.add(channel);
        ordered.addAll(preferredChannels);
        return List.copyOf(ordered);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
    }

    /**
     * A builder with defaults: no profile, empty journey/event/context, consent denying everything, empty history,
     * zone UTC, no further preferred channels, and every channel in {@link #channelsInOrder()} reachable.
     */
    public static Builder builder(DecisionMode mode, String decisionId, String holdoutKey, Channel channel,
            String placement, Instant now) {
        return new Builder(mode, decisionId, holdoutKey, channel, placement, now);
    }

    /** Builds a {@link DecisionRequest}; {@link #build()} validates. */
    public static final class Builder {
        private final DecisionMode mode;
        private final String decisionId;
        private final String holdoutKey;
        private final Channel channel;
        private final String placement;
        private final Instant now;
        private Optional<Map<String, Object>> profile = Optional.empty();
        private Map<String, Object> journey = Map.of();
        private Map<String, Object> event = Map.of();
        private Map<String, Object> context = Map.of();
        private ConsentView consent = ConsentView.denyAll();
        private ContactHistory history = ContactHistory.empty();
        private ZoneId zone = ZoneOffset.UTC;
        private List<Channel> preferred = List.of();
        private Optional<Set<Channel>> reachable = Optional.empty();

        private Builder(DecisionMode mode, String decisionId, String holdoutKey, Channel channel, String placement,
                Instant now) {
            this.mode = mode;
            this.decisionId = decisionId;
            this.holdoutKey = holdoutKey;
            this.channel = channel;
            this.placement = placement;
            this.now = now;
        }

        @SuppressWarnings("unchecked")
        public Builder profile(Map<String, ?> profile) {
            this.profile = Optional.of((Map<String, Object>) profile);
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder journey(Map<String, ?> journey) {
            this.journey = (Map<String, Object>) journey;
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder event(Map<String, ?> event) {
            this.event = (Map<String, Object>) event;
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder context(Map<String, ?> context) {
            this.context = (Map<String, Object>) context;
            return this;
        }

        /** Adds {@code context.intent}; required for triggered decisions. */
        public Builder intent(String intent) {
            Map<String, Object> withIntent = new LinkedHashMap<>(context);
            withIntent.put(INTENT, intent);
            this.context = withIntent;
            return this;
        }

        public Builder consent(ConsentView consent) {
            this.consent = consent;
            return this;
        }

        public Builder history(ContactHistory history) {
            this.history = history;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder preferredChannels(List<Channel> preferred) {
            this.preferred = preferred;
            return this;
        }

        public Builder reachableChannels(Set<Channel> reachable) {
            this.reachable = Optional.of(reachable);
            return this;
        }

        public DecisionRequest build() {
            List<Channel> all = new ArrayList<>();
            all.add(channel);
            all.addAll(preferred);
            Set<Channel> reach = reachable.orElseGet(() -> EnumSet.copyOf(all));
            return new DecisionRequest(mode, decisionId, holdoutKey, channel, placement, profile, journey, event,
                    context, consent, history, zone, now, preferred, reach);
        }
    }
}
