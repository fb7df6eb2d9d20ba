package dev.waymark.edge.internal;

import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.action.Action;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kiosk screens listening on the WebSocket. An action is sent as {@code {"kind":"action","action":{...}}} only
 * while it is valid: one whose {@code expiresAt} has passed on the kiosk's clock is never shown.
 */
final class ActionDisplay {

    private final Set<ServerWebSocket> screens = ConcurrentHashMap.newKeySet();
    private final ContractCodec codec;
    private final Clock clock;

    ActionDisplay(ContractCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    void add(ServerWebSocket screen) {
        screens.add(screen);
        screen.closeHandler(ignored -> screens.remove(screen));
    }

    /** Sends the action to every screen; true when at least one screen got it. Safe from any thread. */
    boolean show(Action action) {
        if (action.isExpiredAt(clock.instant()) || screens.isEmpty()) {
            return false;
        }
        String message = "{\"kind\":\"action\",\"action\":" + new String(codec.encode(action), StandardCharsets.UTF_8)
                + "}";
        for (ServerWebSocket screen : screens) {
            screen.writeTextMessage(message);
        }
        return true;
    }
}
