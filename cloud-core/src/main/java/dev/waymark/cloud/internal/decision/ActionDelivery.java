package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.decision.catalog.CatalogEntry;
import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.decision.outbox.OutboxMessage;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a chosen action into an outbox message: a protocol {@link Action} for the kiosk that asked, or a webhook
 * body ({@code {"type": "wm.action", "profileId", "channel", "action": <Action>}}) for web and app.
 */
public final class ActionDelivery {

    /** The outbox destination of web and app actions: the webhook connector. */
    public static final String WEBHOOK_DESTINATION = "decisions";
    private static final ContractCodec CODEC = ContractCodec.create();

    private final Outbox outbox;
    private final UlidGenerator ids;

    /** A delivery writing to {@code outbox}. */
    public ActionDelivery(Outbox outbox, UlidGenerator ids) {
        this.outbox = outbox;
        this.ids = ids;
    }

    /** The protocol action for {@code entry} in decision {@code decisionId}. */
    public static Action action(CatalogEntry entry, String decisionId, String placement, Instant issuedAt,
            Instant expiresAt) {
        ActionKind kind = switch (entry.definition().category()) {
            case SALES -> ActionKind.OFFER;
            case CARE -> ActionKind.HELP;
            case SERVICE -> ActionKind.NUDGE;
        };
        // The same mapping and rounding as the edge's offline decisions, so a kiosk renders both alike.
        return new Action(entry.id(), decisionId, kind, placement, entry.title(), entry.body(),
                Math.max(0, Math.round(entry.definition().value())), entry.currency(), issuedAt, expiresAt);
    }

    /** Writes the message delivering {@code action}; to the device when {@code device} is given. */
    public void enqueue(Connection c, Action action, String profileId, Channel channel, Optional<String> storeId,
            Optional<String> deviceId, Instant now) throws SQLException {
        String json = new String(CODEC.encode(action), StandardCharsets.UTF_8);
        String key = action.decisionId() + ":" + action.actionId();
        OutboxMessage message;
        if (channel == Channel.KIOSK && storeId.isPresent() && deviceId.isPresent()) {
            message = OutboxMessage.create(ids.next().value(), OutboxMessage.DEVICE,
                    storeId.get() + "/" + deviceId.get(), json, key, Optional.of(action.expiresAt()), now);
        } else {
            JsonObject body = new JsonObject().put("type", "wm.action").put("profileId", profileId)
                    .put("channel", channel.wireName()).put("action", new JsonObject(json));
            message = OutboxMessage.create(ids.next().value(), OutboxMessage.WEBHOOK, WEBHOOK_DESTINATION,
                    body.encode(), key, Optional.of(action.expiresAt()), now);
        }
        outbox.enqueue(c, message);
    }
}
