package dev.waymark.cloud.internal.collector;

import static dev.waymark.cloud.internal.collector.CallIntakeTest.KEYS;
import static dev.waymark.cloud.internal.collector.CallIntakeTest.VALID_TCF;
import static dev.waymark.cloud.internal.collector.CollectorServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.PersonalData;
import dev.waymark.protocol.event.WebPage;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorRoutesIT {

    @TempDir
    Path dir;
    CollectorServer underTest;
    final EventCodec codec = EventCodec.create();

    @BeforeEach
    void start() throws Exception {
        underTest = new CollectorServer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        List<String> blocked = underTest.blockedWarnings;
        underTest.close();
        assertThat(blocked).as("blocked event loop warnings").isEmpty();
    }

    @Test
    void batch_ofEveryCallType_landsInTheLogAsCloudEventsInOrderWithTheirKeys() throws Exception {
        HttpResponse<String> response = underTest.post("/v1/batch", """
                {"batch": [
                  {"type": "track", "messageId": "m-1", "anonymousId": "anon-1", "event": "Product Viewed",
                   "properties": {"sku": "A-1"}, "timestamp": "2026-03-01T10:00:00Z"},
                  {"type": "identify", "messageId": "m-2", "anonymousId": "anon-1", "userId": "crm-9",
                   "traits": {"plan": "gold"}},
                  {"type": "page", "messageId": "m-3", "userId": "crm-9", "name": "Home", "category": "Docs"},
                  {"type": "screen", "messageId": "m-4", "userId": "crm-9", "name": "Cart"},
                  {"type": "alias", "messageId": "m-5", "previousId": "anon-1", "userId": "crm-9"}
                ], "context": {"library": {"name": "analytics-node"}}, "sentAt": "2026-03-01T10:00:01Z"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getBoolean("success")).isTrue();
        List<String[]> log = underTest.logEntries();
        List<CloudEvent> events = log.stream()
                .map(row -> codec.decode(row[1].getBytes(StandardCharsets.UTF_8)).orElseThrow()).toList();
        assertThat(events).extracting(CloudEvent::id).containsExactly("m-1", "m-2", "m-3", "m-4", "m-5");
        assertThat(events).extracting(CloudEvent::type).containsExactly("wm.web.track", "wm.web.identify",
                "wm.web.page", "wm.web.screen", "wm.web.alias");
        assertThat(events).extracting(CloudEvent::source).containsOnly("wm:/web/" + WRITE_KEY);
        String user = "web:" + WRITE_KEY + ":" + KEYS.token(PersonalData.CUSTOMER_ID, "crm-9");
        assertThat(log).extracting(row -> row[0]).containsExactly("web:" + WRITE_KEY + ":anon-1", user, user, user,
                user);
        assertThat(events.get(0).time()).hasToString("2026-03-01T10:00:00Z");
        assertThat(events.get(2).dataAs(WebPage.class).properties().getString("category")).isEqualTo("Docs");
        assertThat(underTest.count("wm.collector.events", "type", "wm.web.track")).isEqualTo(1);
    }

    @Test
    void identify_withRawPersonalData_leavesOnlyTokensInTheDatabaseFiles() throws Exception {
        HttpResponse<String> response = underTest.post("/v1/identify", """
                {"userId": "crm-7731", "messageId": "id-1", "traits": {"email": "grace.hopper@example.org",
                 "phone": "+1 415 555 0132", "loyaltyId": "LOY-99887766", "firstName": "Grace", "plan": "gold"}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        String stored = underTest.logEntries().get(0)[1];
        assertThat(stored).contains(KEYS.token(PersonalData.EMAIL, "grace.hopper@example.org"),
                KEYS.token(PersonalData.LOYALTY_ID, "LOY-99887766"), KEYS.token(PersonalData.CUSTOMER_ID, "crm-7731"));
        for (String file : List.of("cloud.db", "cloud.db-wal")) {
            String bytes = new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file).doesNotContain("grace.hopper@example.org", "555 0132", "LOY-99887766",
                    "crm-7731", "Grace");
        }
    }

    @Test
    void consentSignals_gpcHeaderAndTcfString_endUpInTheStoredContext() throws Exception {
        HttpResponse<String> response = underTest.post("/v1/track", """
                {"userId": "u-1", "event": "Viewed", "context": {"consent": {"tcString": "%s"}}}"""
                .formatted(VALID_TCF), "Sec-GPC", "1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject context = new JsonObject(underTest.logEntries().get(0)[1]).getJsonObject("data")
                .getJsonObject("context");
        assertThat(context.getBoolean("gpc")).isTrue();
        assertThat(context.getString("tcString")).isEqualTo(VALID_TCF);
    }

    @Test
    void consentSignals_invalidTcfString_refused400NamingIt() throws Exception {
        HttpResponse<String> response = underTest.post("/v1/page",
                "{\"userId\": \"u-1\", \"context\": {\"tcString\": \"BOGUS!!\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getBoolean("success")).isFalse();
        assertThat(body.getString("field")).isEqualTo("context.tcString");
        assertThat(underTest.logEntries()).isEmpty();
    }

    @Test
    void writeKey_badOrMissing_refused401() throws Exception {
        byte[] call = "{\"userId\": \"u\", \"event\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] inBody = "{\"writeKey\": \"wk_other\", \"userId\": \"u\", \"event\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(underTest.post("/v1/track", call, "Authorization", CollectorServer.basic("wk_other"))
                .statusCode()).isEqualTo(401);
        assertThat(underTest.post("/v1/track", call, "Authorization", "Basic !!!").statusCode()).isEqualTo(401);
        assertThat(underTest.post("/v1/track", call, "Authorization", "Bearer x").statusCode()).isEqualTo(401);
        assertThat(underTest.post("/v1/track", inBody).statusCode()).isEqualTo(401);
        assertThat(underTest.post("/v1/track", call).statusCode()).isEqualTo(401);
        assertThat(underTest.count("wm.collector.rejected", "reason", "unauthorized")).isEqualTo(5);
        assertThat(underTest.logEntries()).isEmpty();
    }

    @Test
    void writeKey_inTheBody_accepted() throws Exception {
        byte[] call = ("{\"writeKey\": \"" + WRITE_KEY + "\", \"anonymousId\": \"a\", \"event\": \"x\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(underTest.post("/v1/track", call).statusCode()).isEqualTo(200);
        assertThat(underTest.logEntries()).hasSize(1);
    }

    @Test
    void badCalls_refused400NamingTheField() throws Exception {
        assertRefused(underTest.post("/v1/track", "{\"userId\": \"u\""), "body");
        assertRefused(underTest.post("/v1/track", "{\"event\": \"x\"}"), "userId");
        assertRefused(underTest.post("/v1/track", "{\"userId\": [1], \"event\": \"x\"}"), "userId");
        assertRefused(underTest.post("/v1/batch", "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\"}]}"),
                "batch[0].event");
        assertThat(underTest.count("wm.collector.rejected", "reason", "invalid")).isEqualTo(3);
        assertThat(underTest.count("wm.collector.rejected", "reason", "malformed")).isEqualTo(1);
    }

    @Test
    void oversize_eventAndBatch_refused400() throws Exception {
        String big = "x".repeat(33 * 1024);
        assertRefused(underTest.post("/v1/track", "{\"userId\": \"u\", \"event\": \"x\", \"properties\": {\"p\": \""
                + big + "\"}}"), "body");
        String call = "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"x\", \"properties\": {\"p\": \""
                + "y".repeat(20 * 1024) + "\"}}";
        String calls = String.join(",", Collections.nCopies(26, call));
        assertRefused(underTest.post("/v1/batch", "{\"batch\": [" + calls + "]}"), "body");
        assertRefused(underTest.post("/v1/batch", "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\", "
                + "\"event\": \"x\", \"properties\": {\"p\": \"" + big + "\"}}]}"), "batch[0]");
        assertThat(underTest.count("wm.collector.rejected", "reason", "too_large")).isEqualTo(3);
        assertThat(underTest.logEntries()).isEmpty();
    }

    @Test
    void hostileInput_answeredWithAClearErrorAndTheServerKeepsServing() throws Exception {
        String deep = "{\"userId\": \"u\", \"event\": \"x\", \"properties\": " + "{\"a\": ".repeat(5000) + "1"
                + "}".repeat(5000) + "}";
        assertRefused(underTest.post("/v1/track", deep), "body");
        String nested = "{\"userId\": \"u\", \"event\": \"x\", \"properties\": " + "{\"a\": ".repeat(15) + "1"
                + "}".repeat(15) + "}";
        assertRefused(underTest.post("/v1/track", nested), "body");
        assertRefused(underTest.post("/v1/track", "{\"userId\": \"u\", \"event\": \"" + "z".repeat(5000) + "\"}"),
                "event");
        byte[] nul = "{\"userId\": \"u\u0000\", \"event\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        assertRefused(underTest.post("/v1/track", nul, "Authorization", CollectorServer.basic(WRITE_KEY)), "body");
        assertRefused(underTest.post("/v1/track", "{\"anonymousId\": \"a\\u0000\", \"event\": \"x\"}"),
                "anonymousId");
        byte[] latin1 = {'{', '"', 'u', 's', 'e', 'r', 'I', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertRefused(underTest.post("/v1/track", latin1, "Authorization", CollectorServer.basic(WRITE_KEY)), "body");
        assertRefused(underTest.post("/v1/track", "[1, 2, 3]"), "body");
        assertRefused(underTest.post("/v1/track", "{\"userId\": \"u\", \"userId\": \"v\", \"event\": \"x\"}"), "body");
        assertRefused(underTest.post("/v1/track", ""), "body");

        assertThat(underTest.post("/v1/track", "{\"userId\": \"u\", \"event\": \"still here\"}").statusCode())
                .isEqualTo(200);
        assertThat(underTest.logEntries()).hasSize(1);
    }

    @Test
    void batch_duplicateMessageIds_appendedOnce() throws Exception {
        HttpResponse<String> response = underTest.post("/v1/batch", """
                {"batch": [
                  {"type": "track", "messageId": "dup-1", "userId": "u", "event": "A"},
                  {"type": "track", "messageId": "dup-1", "userId": "u", "event": "A"},
                  {"type": "track", "messageId": "dup-2", "userId": "u", "event": "B"},
                  {"type": "track", "messageId": "dup-1", "userId": "u", "event": "A"}
                ]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(underTest.logEntries()).extracting(row -> new JsonObject(row[1]).getString("id"))
                .containsExactly("dup-1", "dup-2");
        assertThat(underTest.count("wm.collector.rejected", "reason", "duplicate")).isEqualTo(2);
    }

    @Test
    void eventLogUnavailable_answers503SoSdksRetry() throws Exception {
        underTest.store.close();

        HttpResponse<String> response = underTest.post("/v1/track", "{\"userId\": \"u\", \"event\": \"x\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("unavailable");
    }

    @Test
    void browserRequest_getsCorsHeaders() throws Exception {
        HttpResponse<String> response = underTest.post("/v1/page", "{\"anonymousId\": \"a\"}",
                "Origin", "https://shop.example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getBoolean("success")).isFalse();
        assertThat(body.getString("field")).isEqualTo(field);
        assertThat(body.getString("message")).startsWith(field + ": ");
    }
}
