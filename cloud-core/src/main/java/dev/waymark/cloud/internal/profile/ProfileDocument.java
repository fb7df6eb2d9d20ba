package dev.waymark.cloud.internal.profile;

import dev.waymark.cloud.internal.consent.ConsentJson;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON of one profile: its id, identities, merges, refused links, consents (effective and history) and the
 * sections other parts contribute, each under its name. The profile API answers with it; the data-subject export
 * embeds it with sections of its own.
 */
public final class ProfileDocument {

    /** Names the profile's own fields use; a section may not take them. */
    private static final Set<String> OWN = Set.of("profileId", "identities", "mergedFrom",
            "refusedLinks", "consents");

    private final ConsentLedgerBook consents;
    private final Map<String, ProfileSection> sections;

    /**
     * A document with {@code sections} in their order; throws IllegalArgumentException when a section takes the
     * name of one of the profile's own fields.
     */
    public ProfileDocument(ConsentLedgerBook consents, Map<String, ProfileSection> sections) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.sections = new LinkedHashMap<>(sections);
        this.sections.keySet().stream().filter(OWN::contains).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("sections: '" + name + "' is a field of the profile itself");
        });
    }

    /** The document of {@code profileId}, read on {@code c}; throws IllegalStateException for a non-JSON section. */
    public JsonObject load(Connection c, String profileId) throws SQLException {
        JsonObject profile = new JsonObject().put("profileId", profileId)
                .put("identities", ProfileDirectory.identities(c, profileId))
                .put("mergedFrom", ProfileDirectory.mergedFrom(c, profileId))
                .put("refusedLinks", ProfileDirectory.refusedLinks(c, profileId))
                .put("consents", ConsentJson.of(consents, c, profileId));
        for (Map.Entry<String, ProfileSection> section : sections.entrySet()) {
            Object loaded = section.getValue().load(c, profileId);
            if (loaded != null && !(loaded instanceof JsonObject) && !(loaded instanceof JsonArray)) {
                // Fails this read (a 500) rather than an answer that cannot be encoded and never ends.
                throw new IllegalStateException("profile section " + section.getKey() + " is not JSON");
            }
            profile.put(section.getKey(), loaded);
        }
        return profile;
    }
}
