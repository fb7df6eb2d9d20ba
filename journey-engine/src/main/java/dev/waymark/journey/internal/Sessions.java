package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import dev.waymark.protocol.Channel;
import dev.waymark.journey.ChannelSession;
import java.time.Duration;
import java.time.Instant;

/**
 * Session bookkeeping per channel. A device's session start opens an explicit session that lasts until its
 * session end; an event with a different session id starts a new one. Without session ids (web, app), a
 * session continues while events are at most {@code gap} apart; a new one takes the first event's id.
 */
final class Sessions {

    private Sessions() {
    }

    /** Updates the channel's session for this event and returns the session the event belongs to. */
    static ChannelSession touch(Draft d, Activity activity, EventFacts facts, String eventId, Instant at,
            Duration gap) {
        Channel channel = facts.channel();
        ChannelSession current = d.sessions.get(channel);
        String id = facts.sessionId().orElse(eventId);
        boolean withinGap = !at.isAfter(current == null ? at : current.lastActivity().plus(gap));
        boolean continues = current != null
                && facts.sessionId().map(current.id()::equals).orElse(true)
                && (current.explicit() || facts.sessionId().isPresent() || withinGap)
                && !(activity == Activity.SESSION_START && facts.sessionId().isEmpty());
        ChannelSession next;
        if (continues) {
            Instant last = at.isAfter(current.lastActivity()) ? at : current.lastActivity();
            next = new ChannelSession(current.id(), current.started(), last, current.activities() + 1,
                    current.explicit());
        } else if (activity == Activity.SESSION_END) {
            // The end of a session that is not the current one (late, or replayed from a buffer) must not
            // replace the current session.
            return new ChannelSession(id, at, at, 1, true);
        } else {
            boolean explicit = activity == Activity.SESSION_START || facts.sessionId().isPresent();
            next = new ChannelSession(id, at, at, 1, explicit);
        }
        d.sessions.put(channel, next);
        return next;
    }

    /** Ends the channel's session if it is the one given. */
    static void end(Draft d, Channel channel, ChannelSession session) {
        ChannelSession current = d.sessions.get(channel);
        if (current != null && current.id().equals(session.id())) {
            d.sessions.remove(channel);
        }
    }
}
