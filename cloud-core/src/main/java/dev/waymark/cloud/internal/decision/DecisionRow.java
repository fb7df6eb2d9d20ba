package dev.waymark.cloud.internal.decision;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded decision.
 *
 * @param decisionId     its id (a ULID)
 * @param profileId      the profile it was made for
 * @param storeId        the store, or {@code web} for web and app
 * @param deviceId       the kiosk, for a kiosk decision
 * @param channel        the channel's wire name
 * @param placement      the slot
 * @param mode           {@code inbound} or {@code triggered}
 * @param intent         the intent of a triggered decision
 * @param madeAt         the cloud's clock
 * @param controlGroup   the profile was held out
 * @param status         {@code sent}, {@code nothing}, {@code control}, {@code expired}, {@code skipped} or
 *                       {@code answered} (inbound)
 * @param chosen         action ids chosen by the pipeline, best first
 * @param wouldBe        for the control group, what would have been chosen
 * @param explanation    {@link ExplanationJson}
 * @param captureTime    the trigger's capture time on the device's clock
 * @param catalogVersion the catalog version it was decided with (0 when skipped before deciding)
 */
public record DecisionRow(String decisionId, String profileId, String storeId, Optional<String> deviceId,
        String channel, String placement, String mode, Optional<String> intent, Instant madeAt, boolean controlGroup,
        String status, JsonArray chosen, JsonArray wouldBe, JsonObject explanation, Optional<Instant> captureTime,
        long catalogVersion) {

    public DecisionRow {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(wouldBe, "wouldBe");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(captureTime, "captureTime");
    }

    /** The row as the API shows it. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("decisionId", decisionId).put("profileId", profileId)
                .put("store", storeId).put("channel", channel).put("placement", placement).put("mode", mode)
                .put("madeAt", madeAt.toString()).put("controlGroup", controlGroup).put("status", status)
                .put("chosen", chosen).put("wouldBe", wouldBe).put("catalogVersion", catalogVersion)
                .put("explanation", explanation);
        deviceId.ifPresent(id -> json.put("device", id));
        intent.ifPresent(name -> json.put("intent", name));
        captureTime.ifPresent(at -> json.put("captureTime", at.toString()));
        return json;
    }
}
