package dev.waymark.cloud.internal.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.Rejection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallTimeTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Receipt RECEIPT = Receipt.single("wk_test", false, RECEIVED);

    @Test
    void of_timestampSet_usesItAsSent() {
        JsonObject call = json("{\"timestamp\":\"2026-02-01T10:00:00+01:00\",\"originalTimestamp\":"
                + "\"2020-01-01T00:00:00Z\",\"sentAt\":\"2020-01-01T00:00:05Z\"}");

        assertThat(CallTime.of(call, RECEIPT).orElseThrow()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
    }

    @Test
    void of_originalTimestampAndSentAt_correctsTheDeviceClockSkew() {
        // The device's clock is a year behind; the call was made 30 s before it was sent.
        JsonObject call = json("{\"originalTimestamp\":\"2025-03-01T11:59:00Z\",\"sentAt\":\"2025-03-01T11:59:30Z\"}");

        assertThat(CallTime.of(call, RECEIPT).orElseThrow()).isEqualTo(Instant.parse("2026-03-01T11:59:30Z"));
    }

    @Test
    void of_batchLevelSentAt_correctsCallsWithoutTheirOwn() {
        JsonObject call = json("{\"originalTimestamp\":\"2025-03-01T11:59:00Z\"}");
        Receipt batch = RECEIPT.sharing(Json.createObjectBuilder().build(),
                Json.createValue("2025-03-01T11:59:30Z"));

        assertThat(CallTime.of(call, batch).orElseThrow()).isEqualTo(Instant.parse("2026-03-01T11:59:30Z"));
    }

    @Test
    void of_originalTimestampWithoutSentAt_usesItAsSent() {
        JsonObject call = json("{\"originalTimestamp\":\"2026-02-28T08:00:00Z\"}");

        assertThat(CallTime.of(call, RECEIPT).orElseThrow()).isEqualTo(Instant.parse("2026-02-28T08:00:00Z"));
    }

    @Test
    void of_noTimestamps_isTheTimeOfReceipt() {
        assertThat(CallTime.of(json("{}"), RECEIPT).orElseThrow()).isEqualTo(RECEIVED);
    }

    @Test
    void of_malformedOrMistypedTimestamps_refusedNamingTheField() {
        assertThat(CallTime.of(json("{\"timestamp\":\"yesterday\"}"), RECEIPT).rejectionIfAny())
                .map(Rejection::field).contains("timestamp");
        assertThat(CallTime.of(json("{\"timestamp\":\"2026-02-01T10:00:00\"}"), RECEIPT).rejectionIfAny())
                .map(Rejection::field).contains("timestamp");
        assertThat(CallTime.of(json("{\"originalTimestamp\":12}"), RECEIPT).rejectionIfAny())
                .map(Rejection::field).contains("originalTimestamp");
        assertThat(CallTime.of(json("{\"originalTimestamp\":\"2026-02-01T10:00:00Z\",\"sentAt\":[]}"), RECEIPT)
                .rejectionIfAny()).map(Rejection::field).contains("sentAt");
    }

    @Test
    void of_sentAtAbsurdlyFarFromOriginal_refusedNotThrown() {
        JsonObject call = json("{\"originalTimestamp\":\"-999999999-01-01T00:00:00Z\","
                + "\"sentAt\":\"+999999999-12-31T23:59:59Z\"}");

        assertThat(CallTime.of(call, RECEIPT).isAccepted()).isFalse();
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
