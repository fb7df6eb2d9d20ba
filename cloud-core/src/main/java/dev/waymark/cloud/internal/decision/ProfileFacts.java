package dev.waymark.cloud.internal.decision;

import dev.waymark.journey.JourneyContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code profile} variable of the cloud's CEL rules (a kiosk deciding offline has none):
 * <ul>
 * <li>{@code profileId} (string): the profile;</li>
 * <li>{@code channels} (list(string)): the channels the profile's journey has activity on ({@code kiosk},
 * {@code web}, {@code app}), sorted: the channels of its current sessions and of its recent activities, so
 * {@code 'web' in profile.channels} reads "this customer also browsed on the web".</li>
 * </ul>
 */
public final class ProfileFacts {

    private ProfileFacts() {
    }

    /** The facts of {@code profileId} whose journey is {@code journey}. */
    public static Map<String, Object> of(String profileId, JourneyContext journey) {
        return Map.of("profileId", profileId, "channels", channels(journey));
    }

    /** The channels {@code journey} has activity on, wire names sorted. */
    public static List<String> channels(JourneyContext journey) {
        Set<String> seen = new TreeSet<>();
        journey.sessions().keySet().forEach(channel -> seen.add(channel.wireName()));
        journey.recent().forEach(activity -> seen.add(activity.channel().wireName()));
        return List.copyOf(seen);
    }
}
