package dev.waymark.cloud.internal.decision;

import dev.waymark.protocol.CloudEvent;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The decisioning host on the stream: triggered decisions from intents and the outcomes that teach the learner.
 * Both run inside the pipeline's transaction, so what they record (decision, contacts, outbox rows for delivery,
 * KPI facts) commits with the event that caused it.
 */
public interface Decider {

    /**
     * Decides {@code trigger}: records the decision with its explanation and, for each chosen action still within
     * its time to live measured from {@link Trigger#captureTime()}, a contact and an outbox row for delivery (to
     * the device, or to the webhook connector for web/app). Returns the live-feed items ({@code LiveFeed} shape)
     * to publish once the transaction has committed; empty when nothing was decided.
     */
    List<JsonObject> onIntent(Connection connection, Trigger trigger) throws SQLException;

    /**
     * Joins an outcome event ({@code wm.outcome.*}) to its decision, trains the learner, counts an impression
     * toward contact policies (also for {@code edge-} decisions made offline) and records the KPI fact. Returns
     * live-feed items as {@link #onIntent} does.
     */
    List<JsonObject> onOutcome(Connection connection, String profileId, CloudEvent outcome) throws SQLException;

    /**
     * The profile an outcome event ({@code wm.outcome.*}) belongs to, since its payload names no customer (a kiosk
     * outcome carries no session): the profile of a cloud decision; for an {@code edge-} decision, made at the kiosk
     * and unknown here, the profile of the kiosk session open on that device when the outcome was captured (the
     * latest begun at or before it). Empty when neither is known; the outcome is then ignored.
     */
    Optional<String> ownerOf(Connection connection, CloudEvent outcome) throws SQLException;
}
