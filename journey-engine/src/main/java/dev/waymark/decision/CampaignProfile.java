package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One profile of a campaign run, as the host streams it from its store.
 *
 * @param holdoutKey        the profile token (the control group hashes it)
 * @param profile           profile facts
 * @param journey           journey facts
 * @param consent           effective consent
 * @param history           contact history
 * @param zone              time zone, for quiet hours
 * @param preferredChannels channels in the customer's order of preference (the campaign's channel comes first)
 * @param reachableChannels channels the customer can be reached on
 */
public record CampaignProfile(
        String holdoutKey, Map<String, Object> profile, Map<String, Object> journey, ConsentView consent,
        ContactHistory history, ZoneId zone, List<Channel> preferredChannels, Set<Channel> reachableChannels) {

    public CampaignProfile {
        Objects.requireNonNull(holdoutKey, "holdoutKey");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(zone, "zone");
        preferredChannels = List.copyOf(preferredChannels);
        reachableChannels = Set.copyOf(reachableChannels);
    }
}
