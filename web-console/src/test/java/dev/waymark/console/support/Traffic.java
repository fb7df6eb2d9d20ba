package dev.waymark.console.support;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Activity made through the cloud's public API: a shop's collector calls, and the decisions they lead to. */
public final class Traffic {

    private Traffic() {
    }

    /** A public write key for a test shop, created by the admin. */
    public static String writeKey(ConsoleStack stack) {
        return stack.signIn("admin").send("POST", "/v1/api-keys", new JsonObject().put("kind", "public")
                .put("label", "test shop")).expect(201).json().getString("secret");
    }

    /**
     * Posts a web "Service Requested" track call for {@code userId}, straight to the cloud as a shop page's SDK
     * would; the pipeline detects a service request and decides it for store {@code web}.
     */
    public static void serviceRequest(ConsoleStack stack, String writeKey, String userId) {
        String basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        ConsoleClient.anonymous(stack.cloudUrl()).sendBasic("/v1/track", basic, new JsonObject().put("userId", userId)
                .put("event", "Service Requested").put("properties", new JsonObject().put("topic", "fitting")))
                .expect(200);
    }

    /** Waits (up to 60 s) for the newest web decision and returns it. */
    public static JsonObject newestWebDecision(ConsoleStack stack) {
        ConsoleClient admin = stack.signIn("admin");
        JsonArray found = await().atMost(Duration.ofSeconds(60)).until(() -> admin
                .get("/v1/decisions?store=web&limit=1").expect(200).json().getJsonArray("decisions"),
                list -> !list.isEmpty());
        return found.getJsonObject(0);
    }

    /** A profile the cloud knows: made by a web service request, read from the newest web decision. */
    public static String webProfile(ConsoleStack stack, String writeKey) {
        serviceRequest(stack, writeKey, "crm-" + System.nanoTime());
        return newestWebDecision(stack).getString("profileId");
    }

    /** Makes a profile through a web service request, then decides for it in {@code store}; the decision's id. */
    public static String decisionInStore(ConsoleStack stack, String store) {
        String profile = webProfile(stack, writeKey(stack));
        return stack.signIn("admin").send("POST", "/v1/decisions", new JsonObject().put("profileId", profile)
                .put("channel", "web").put("placement", "web-banner").put("store", store)).expect(200).json()
                .getString("decisionId");
    }
}
