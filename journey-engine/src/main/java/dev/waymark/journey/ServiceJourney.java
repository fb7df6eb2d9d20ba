package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * An open service journey: opened by a service inquiry, closed by a resolution for the same topic.
 *
 * @param id the id of the event that opened it
 * @param topic what it is about ({@code "returns"}, {@code "repair"}, ...)
 * @param channel where it was opened
 * @param openedAt when
 */
public record ServiceJourney(String id, String topic, Channel channel, Instant openedAt) {

    public ServiceJourney {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
