package dev.waymark.cloud.internal.campaign;

import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign as stored, with its progress summed over its partitions.
 *
 * @param id         its id
 * @param name       a label for people
 * @param segment    the CEL expression choosing its profiles
 * @param channel    the channel its actions go out on first
 * @param placement  the slot its actions fill
 * @param startAt    when it starts
 * @param state      where it is
 * @param createdAt  when it was created
 * @param startedAt  when a runner split it into partitions
 * @param finishedAt when it became done, failed or cancelled
 * @param note       why it failed
 * @param progress   the counts so far
 * @param partitions its partitions (0 until started)
 * @param doneParts  partitions finished
 */
public record Campaign(String id, String name, String segment, Channel channel, String placement, Instant startAt,
        CampaignState state, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt,
        Optional<String> note, Tally progress, int partitions, int doneParts) {

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(progress, "progress");
    }

    /** The campaign as the API shows it; the rate is profiles scanned a second from start to finish (or now). */
    public JsonObject toJson(Instant now) {
        JsonObject progressJson = new JsonObject().put("scanned", progress.scanned())
                .put("inSegment", progress.inSegment()).put("decided", progress.decided())
                .put("sent", progress.sent()).put("suppressed", progress.suppressed())
                .put("control", progress.control()).put("partitions", partitions).put("partitionsDone", doneParts);
        startedAt.ifPresent(started -> {
            long millis = Duration.between(started, finishedAt.orElse(now)).toMillis();
            progressJson.put("profilesPerSecond", millis <= 0 ? 0 : Math.round(progress.scanned() * 1000.0 / millis));
        });
        JsonObject json = new JsonObject().put("id", id).put("name", name).put("segment", segment)
                .put("channel", channel.wireName()).put("placement", placement).put("startAt", startAt.toString())
                .put("state", state.wireName()).put("createdAt", createdAt.toString()).put("progress", progressJson);
        startedAt.ifPresent(at -> json.put("startedAt", at.toString()));
        finishedAt.ifPresent(at -> json.put("finishedAt", at.toString()));
        note.ifPresent(text -> json.put("note", text));
        return json;
    }
}
