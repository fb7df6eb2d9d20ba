package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import dev.waymark.journey.ChannelSession;
import java.time.Instant;

/**
 * One activity being applied: what it is, when, in which session, and the event's facts.
 *
 * @param activity the mapped activity
 * @param eventId the event's id
 * @param at the event's time
 * @param session the session it belongs to (for a session end, the session being ended)
 * @param facts what the event says
 */
record Occurrence(Activity activity, String eventId, Instant at, ChannelSession session, EventFacts facts) {
}
