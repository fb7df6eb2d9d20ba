package dev.waymark.cloud.internal.crm;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One change for the CRM, as every connector receives it: {@code {id, type, profileId, occurredAt, data}}. The
 * {@code id} is derived from what caused the change, so it is the same however often the change is written, and a
 * connector's idempotency key. Profile messages ({@code profile.*}) change the contact; the others are activities
 * on it. Only pseudonymous ids and tokens, never raw personal data.
 *
 * @param id         stable id of the change ({@code decision:01J...})
 * @param type       {@link #LINKED}, {@link #MERGED}, {@link #CONSENT}, {@link #ERASED}, {@link #DECISION},
 *                   {@link #OUTCOME} or {@link #JOURNEY_COMPLETED}
 * @param profileId  the profile (the contact's external id)
 * @param occurredAt when the change happened
 * @param data       the type's details
 */
public record CrmMessage(String id, String type, String profileId, Instant occurredAt, JsonObject data) {

    /** Identifiers were linked to the profile: {@code data.identifiers} [{namespace, id}]. */
    public static final String LINKED = "profile.linked";
    /** Profile {@code data.from} was merged into this one. */
    public static final String MERGED = "profile.merged";
    /** The profile's effective consent changed: {@code data.consent} per purpose and channel. */
    public static final String CONSENT = "profile.consent";
    /** The profile was erased (data-subject erasure): delete the contact; {@code data.erasureId}. */
    public static final String ERASED = "profile.erased";
    /** A decision was made: {@code data.decisionId, intent, channel, actions}. */
    public static final String DECISION = "decision";
    /** An outcome of a shown action: {@code data.decisionId, actionId, kind, value}. */
    public static final String OUTCOME = "outcome";
    /** A purchase or service journey completed: {@code data.journey} and the intent's details. */
    public static final String JOURNEY_COMPLETED = "journey.completed";

    public CrmMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data.copy();
    }

    /** True for changes of the contact itself, false for activities on it. */
    public boolean changesContact() {
        return type.startsWith("profile.");
    }

    /** The message as JSON. */
    public JsonObject json() {
        return new JsonObject().put("id", id).put("type", type).put("profileId", profileId)
                .put("occurredAt", occurredAt.toString()).put("data", data.copy());
    }

    /** Reads {@link #json()} back. */
    public static CrmMessage of(JsonObject json) {
        return new CrmMessage(json.getString("id"), json.getString("type"), json.getString("profileId"),
                Instant.parse(json.getString("occurredAt")), json.getJsonObject("data", new JsonObject()));
    }
}
