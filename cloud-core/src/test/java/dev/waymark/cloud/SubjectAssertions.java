package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the data-subject tests check of an export, an erasure's answer and the block on erased identifiers. */
final class SubjectAssertions {

    private static final Pattern BLOCKED = Pattern.compile("(?m)^wm_pipeline_blocked_total(?:\\{[^}]*})? (\\S+)$");

    private SubjectAssertions() {
    }

    /**
     * Two people after {@link #playExportAndErase}: the erased one, what pointed at them (identifier values first,
     * then profile ids), how many of those are identifiers, and the other one's traces.
     */
    record Erased(PersonTraffic ann, List<String> annTraces, int annIdentifiers, PersonTraffic bob,
            List<String> bobTraces, JsonObject report) {

        /** The erased person's identifier values only. */
        List<String> annIdentifierValues() {
            return annTraces.subList(0, annIdentifiers);
        }

        /** The erased person's profile ids (the merge family). */
        List<String> annProfileIds() {
            return annTraces.subList(annIdentifiers, annTraces.size());
        }
    }

    /** Plays ann's and bob's traffic, exports ann (checking every section) and erases her (checking the answer). */
    static Erased playExportAndErase(ApiClient api) {
        PersonTraffic ann = new PersonTraffic(api, "ann");
        PersonTraffic bob = new PersonTraffic(api, "bob");
        ann.play();
        bob.play();
        JsonObject export = ann.export();
        exportHoldsEverySection(export);
        List<String> bobTraces = PersonTraffic.traces(bob.export());

        ApiClient.Answer erased = api.send("DELETE", "/v1/profiles/cookie/" + ann.cookie(), null,
                Credential.SECRET_KEY);

        erasureReport(erased, export);
        assertThat(ann.get("/v1/profiles/cookie/" + ann.cookie()).status()).isEqualTo(404);
        assertThat(bob.get("/v1/profiles/cookie/" + bob.cookie()).status()).isEqualTo(200);
        return new Erased(ann, PersonTraffic.traces(export),
                export.getJsonObject("profile").getJsonArray("identities").size(), bob, bobTraces, erased.json());
    }

    /** The export of a person {@link PersonTraffic#play() played}: every section, with what they did. */
    static void exportHoldsEverySection(JsonObject export) {
        JsonObject profile = export.getJsonObject("profile");
        assertThat(profile.getJsonArray("identities").encode()).contains("cookie", "crm", "email");
        assertThat(profile.getJsonArray("mergedFrom")).isNotEmpty();
        assertThat(export.getJsonArray("profiles")).hasSize(2);
        assertThat(profile.getJsonObject("consents").getJsonArray("history").encode())
                .contains("marketing", "granted");
        assertThat(profile.getJsonObject("journey").getJsonArray("channels").encode()).contains("web");
        assertThat(profile.getJsonObject("events").getLong("total")).isGreaterThanOrEqualTo(4);
        assertThat(profile.getJsonArray("decisions")).isNotEmpty();
        assertThat(profile.getJsonArray("decisions").getJsonObject(0).getJsonObject("explanation")).isNotNull();
        assertThat(export.fieldNames()).contains("contacts", "outcomes", "edgeClaims", "purchases",
                "pendingEvents", "exportedAt");
    }

    /** An erasure's answer for the exported person: both profiles, their rows, no identifier or profile id. */
    static void erasureReport(ApiClient.Answer erased, JsonObject export) {
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        JsonObject report = erased.json();
        assertThat(report.getInteger("profiles")).isEqualTo(2);
        assertThat(report.getInteger("crmNotices")).isEqualTo(2);
        int identities = export.getJsonObject("profile").getJsonArray("identities").size();
        assertThat(report.getJsonObject("removed").getInteger("identities")).isEqualTo(identities);
        assertThat(report.getInteger("blockedIdentifiers")).isEqualTo(identities);
        assertThat(report.getJsonObject("removed").getInteger("decisions")).isPositive();
        assertThat(report.getJsonObject("removed").getInteger("consent_records")).isPositive();
        assertThat(report.getJsonObject("anonymised").getInteger("kpi_decisions")).isPositive();
        for (String trace : PersonTraffic.traces(export)) {
            assertThat(erased.body()).doesNotContain(trace);
        }
    }

    /** An event with the erased cookie makes no profile again and is counted as blocked. */
    static void returningCookieIsDroppedAndCounted(ApiClient api, String cookie) {
        double before = blocked(api);
        ApiClient.Answer track = api.send("POST", "/v1/track", new JsonObject().put("anonymousId", cookie)
                .put("event", "Product Viewed").put("messageId", "msg-returning-visit").encode(),
                Credential.WRITE_KEY);
        assertThat(track.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> blocked(api) > before);
        assertThat(api.send("GET", "/v1/profiles/cookie/" + cookie, null, Credential.SECRET_KEY).status())
                .isEqualTo(404);
    }

    private static double blocked(ApiClient api) {
        Matcher matcher = BLOCKED.matcher(api.send("GET", "/metrics", null, Credential.SECRET_KEY).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
