package dev.waymark.dist.e2e;

import dev.waymark.dist.internal.platform.CloudApi;
import dev.waymark.dist.internal.platform.Platform;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import dev.waymark.privacy.KeyRing;
import dev.waymark.protocol.PersonalData;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cloud's profiles of loyalty card holders, read as an operator would: the card number tokenised with the
 * deployment's pseudonymization key (read from a kiosk's keystore, as enrollment put it there), then
 * {@code GET /v1/profiles/loyalty/{token}} with a secret key.
 */
final class LoyaltyProfiles {

    private final KeyRing keys;
    private final CloudApi api;
    private final String secretKey;

    private LoyaltyProfiles(KeyRing keys, CloudApi api, String secretKey) {
        this.keys = keys;
        this.api = api;
        this.secretKey = secretKey;
    }

    /** Profiles of {@code platform}'s cloud, tokens made with the key of its first kiosk. */
    static LoyaltyProfiles of(Platform platform) throws IOException {
        Path dataDir = platform.cloud().dataDir().getParent();
        // The platform keeps the demo's device keystore password in platform.json (docs/cli.md).
        String password = new JsonObject(Files.readString(dataDir.resolve("platform.json")))
                .getString("keystorePassword");
        EdgeSettings settings = EdgeSettings.read(platform.kiosks().get(0).dataDir().resolve("edge.json"));
        KeyRing keys = KeyRing.of(EdgeIdentity.load(settings, name -> password).pseudonymizationKey());
        return new LoyaltyProfiles(keys, platform.cloud().client(), platform.cloud().secretKey());
    }

    /** The token the kiosk and the collector make of {@code loyaltyId}. */
    String token(String loyaltyId) {
        return keys.token(PersonalData.LOYALTY_ID, loyaltyId);
    }

    /** The profile of the card holder, or empty when the cloud knows no such card (404). */
    Optional<JsonObject> profile(String loyaltyId) throws IOException {
        CloudApi.Answer answer = api.get("/v1/profiles/loyalty/"
                + URLEncoder.encode(token(loyaltyId), StandardCharsets.UTF_8), secretKey);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new IOException("profile read answered " + answer.status() + " " + answer.body());
        }
        return Optional.of(answer.json());
    }

    /** The profile's event counts by type ({@code events.byType}); empty when the card is not known yet. */
    Map<String, Long> eventsByType(String loyaltyId) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        profile(loyaltyId).ifPresent(profile -> profile.getJsonObject("events").getJsonObject("byType")
                .forEach(entry -> counts.put(entry.getKey(), ((Number) entry.getValue()).longValue())));
        return counts;
    }

    /** Ids of the events among the profile's recent journey activities (the last 20); for diagnostics. */
    Set<String> recentEventIds(String loyaltyId) throws IOException {
        Set<String> ids = new HashSet<>();
        profile(loyaltyId).ifPresent(profile -> profile.getJsonObject("journey").getJsonArray("recent")
                .forEach(activity -> ids.add(((JsonObject) activity).getString("eventId"))));
        return ids;
    }

    /** Events counted for the card holder in all; 0 when the card is not known yet. */
    long eventTotal(String loyaltyId) throws IOException {
        return eventsByType(loyaltyId).values().stream().mapToLong(Long::longValue).sum();
    }
}
