package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One person's traffic through a running cloud's own APIs: two browsers identified with the same e-mail (so two
 * profiles merge), page views, a decision and a consent; then their export and what the store holds of them.
 */
final class PersonTraffic {

    private final ApiClient api;
    private final String name;

    PersonTraffic(ApiClient api, String name) {
        this.api = api;
        this.name = name;
    }

    /** The cookie (anonymousId) of the person's first browser; the address used for their profile. */
    String cookie() {
        return "anon-" + name + "-1";
    }

    /** Sends the traffic and waits until both browsers resolve to one profile with a decision and a consent. */
    void play() {
        for (int browser = 1; browser <= 2; browser++) {
            String cookie = "anon-" + name + "-" + browser;
            collect("/v1/track", new JsonObject().put("anonymousId", cookie).put("event", "Product Viewed")
                    .put("messageId", "msg-" + name + "-view-" + browser)
                    .put("properties", new JsonObject().put("sku", "SKU-" + browser).put("category", "shoes")));
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/profiles/cookie/" + cookie).status() == 200);
            collect("/v1/identify", new JsonObject().put("anonymousId", cookie).put("userId", "crm-" + name)
                    .put("messageId", "msg-" + name + "-identify-" + browser)
                    .put("traits", new JsonObject().put("email", name + "@example.com")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/profiles/cookie/" + cookie()).json()
                .getJsonArray("mergedFrom").size() > 0);
        JsonObject identifier = new JsonObject().put("namespace", "cookie").put("id", cookie());
        ApiClient.Answer decided = api.send("POST", "/v1/decisions", new JsonObject()
                .put("identifiers", new JsonArray().add(identifier)).put("channel", "web")
                .put("placement", "web-banner")
                .put("context", new JsonObject().put("page", "/shoes")).encode(), Credential.SECRET_KEY);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        ApiClient.Answer consent = api.send("POST", "/v1/profiles/cookie/" + cookie() + "/consents",
                new JsonObject().put("purpose", "marketing").put("channel", "email").put("state", "granted")
                        .put("source", "web-preferences").encode(), Credential.SECRET_KEY);
        assertThat(consent.status()).as(consent.body()).isBetween(200, 201);
    }

    /** The export of the person. */
    JsonObject export() {
        ApiClient.Answer export = get("/v1/profiles/cookie/" + cookie() + "/export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        return export.json();
    }

    /** What the store holds that points at the person: every identifier value and profile id in the export. */
    static List<String> traces(JsonObject export) {
        List<String> traces = new ArrayList<>();
        export.getJsonObject("profile").getJsonArray("identities")
                .forEach(identity -> traces.add(((JsonObject) identity).getString("value")));
        export.getJsonArray("profiles").forEach(profile -> traces.add(((JsonObject) profile).getString("profileId")));
        return traces;
    }

    ApiClient.Answer get(String path) {
        return api.send("GET", path, null, Credential.SECRET_KEY);
    }

    private void collect(String path, JsonObject call) {
        ApiClient.Answer answer = api.send("POST", path, call.encode(), Credential.WRITE_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
