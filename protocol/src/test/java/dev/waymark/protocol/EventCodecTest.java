package dev.waymark.protocol;

import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec underTest = EventCodec.create();

    private Rejection rejectionOf(EventJson json) {
        return rejectionOf(json.bytes());
    }

    private Rejection rejectionOf(byte[] bytes) {
        Decoded<CloudEvent> decoded = underTest.decode(bytes);
        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        return decoded.rejectionIfAny().orElseThrow();
    }

    @Test
    void decode_validCartAdd_bindsTheRecordWithTimeInUtc() {
        CloudEvent event = underTest.decode(EventJson.cartAdd().bytes()).orElseThrow();

        assertThat(event.data()).isEqualTo(new CartAdd("sess-9f2c", "SKU-88412", "running-shoes", 1, 12999, "EUR"));
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-23T09:15:02.123Z"));
        assertThat(event.sequence()).isEqualTo(41);
        assertThat(event.parsedSource().storeId()).contains("store-042");
    }

    @Test
    void parseJsonObject_validEvent_bindsLikeTheBytes() {
        byte[] bytes = EventJson.cartAdd().bytes();
        jakarta.json.JsonObject object = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(bytes))
                .readObject();

        CloudEvent fromObject = underTest.parse(object).flatMap(ParsedEvent::bind).orElseThrow();

        assertThat(fromObject).isEqualTo(underTest.decode(bytes).orElseThrow());
    }

    @Test
    void parseJsonObject_missingId_isRejectedNamingId() {
        jakarta.json.JsonObject object = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(
                EventJson.cartAdd().without("id").bytes())).readObject();

        assertThat(underTest.parse(object).rejectionIfAny().orElseThrow().field()).isEqualTo("id");
    }

    @Test
    void decode_withoutDatacontenttype_isAccepted() {
        assertThat(underTest.decode(EventJson.cartAdd().without("datacontenttype").bytes()).isAccepted()).isTrue();
    }

    @Test
    void decode_malformedJson_isRejectedNamingRoot() {
        Rejection rejection = rejectionOf(Samples.utf8("{\"specversion\":\"1.0\","));
        assertThat(rejection.field()).isEqualTo("$");
        assertThat(rejection.reason()).startsWith("malformed JSON");
    }

    @Test
    void decode_invalidUtf8_isRejectedNamingRoot() {
        byte[] bytes = EventJson.cartAdd().withData("sku", "SKU-X").bytes();
        bytes[bytes.length - 10] = (byte) 0xC3;
        assertThat(rejectionOf(bytes).message()).isEqualTo("$: is not valid UTF-8");
    }

    @Test
    void decode_duplicateKey_isRejectedAsMalformed() {
        String json = EventJson.cartAdd().json().toString().replaceFirst("\\{", "{\"id\":\"x\",");
        assertThat(rejectionOf(Samples.utf8(json)).reason()).startsWith("malformed JSON").contains("id");
    }

    @Test
    void decode_duplicateKeyInData_isRejectedAsMalformed() {
        String json = EventJson.cartAdd().json().toString().replace("\"sku\":", "\"sku\":\"A\",\"sku\":");
        assertThat(rejectionOf(Samples.utf8(json)).reason()).startsWith("malformed JSON");
    }

    @Test
    void decodeBatch_duplicateKeyInAnEvent_isRejectedAsMalformed() {
        String json = EventJson.cartAdd().json().toString().replace("\"sku\":", "\"sku\":\"A\",\"sku\":");
        assertThat(underTest.decodeBatch(Samples.utf8("[" + json + "]")).rejectionIfAny().orElseThrow().reason())
                .startsWith("malformed JSON");
    }

    @Test
    void decode_nestingDeeperThanLimit_isRejectedAsMalformed() {
        String deep = "[".repeat(Limits.MAX_JSON_DEPTH + 5) + "]".repeat(Limits.MAX_JSON_DEPTH + 5);
        assertThat(rejectionOf(Samples.utf8(deep)).reason()).startsWith("malformed JSON");
    }

    @Test
    void decode_array_isRejectedAsNotAnObject() {
        assertThat(rejectionOf(Samples.utf8("[]")).message()).isEqualTo("$: an event must be a JSON object");
    }

    @Test
    void decode_overLimit_isRejectedWithSizeAndLimit() {
        String json = EventJson.cartAdd().json().toString();
        byte[] padded = Samples.utf8(json.substring(0, json.length() - 1) + " ".repeat(40_000) + "}");
        assertThat(rejectionOf(padded).message())
                .isEqualTo("$: event is " + padded.length + " bytes, limit 32768");
    }

    @Test
    void decode_missingId_isRejectedNamingId() {
        assertThat(rejectionOf(EventJson.cartAdd().without("id")).message()).isEqualTo("id: is missing");
    }

    @Test
    void decode_missingSource_isRejectedNamingSource() {
        assertThat(rejectionOf(EventJson.cartAdd().without("source")).message()).isEqualTo("source: is missing");
    }

    @Test
    void decode_missingTime_isRejectedNamingTime() {
        assertThat(rejectionOf(EventJson.cartAdd().without("time")).message()).isEqualTo("time: is missing");
    }

    @Test
    void decode_missingData_isRejectedNamingData() {
        assertThat(rejectionOf(EventJson.cartAdd().without("data")).message()).isEqualTo("data: is missing");
    }

    @Test
    void decode_missingDataschema_isRejectedNamingDataschema() {
        assertThat(rejectionOf(EventJson.cartAdd().without("dataschema")).field()).isEqualTo("dataschema");
    }

    @Test
    void decode_deviceEventWithoutSequence_isRejectedNamingWmseq() {
        assertThat(rejectionOf(EventJson.cartAdd().without("wmseq")).message()).isEqualTo("wmseq: is missing");
    }

    @Test
    void decode_wrongSpecversion_isRejectedNamingSpecversion() {
        assertThat(rejectionOf(EventJson.cartAdd().with("specversion", "0.3")).message())
                .isEqualTo("specversion: must be \"1.0\"");
    }

    @Test
    void decode_numericId_isRejectedAsWrongType() {
        assertThat(rejectionOf(EventJson.cartAdd().with("id", Json.createValue(7))).message())
                .isEqualTo("id: must be a string");
    }

    @Test
    void decode_unknownType_isRejectedNamingType() {
        assertThat(rejectionOf(EventJson.cartAdd().with("type", "wm.kiosk.teleport")).message())
                .isEqualTo("type: unknown event type \"wm.kiosk.teleport\"");
    }

    @Test
    void decode_unknownAttribute_isRejectedNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().with("subject", "x")).message())
                .isEqualTo("subject: unknown attribute");
    }

    @Test
    void decode_deviceEventWithNonUlidId_isRejectedNamingId() {
        assertThat(rejectionOf(EventJson.cartAdd().with("id", "01jdq6y7c8m4v2k9zqw3t5n6pa")).field()).isEqualTo("id");
    }

    @Test
    void decode_webEventWithLongId_isRejectedNamingId() {
        EventJson web = EventJson.cartAdd().with("source", "wm:/web/wk_1").with("wmseq", JsonValue.NULL);
        assertThat(rejectionOf(web.with("id", "m".repeat(101))).message())
                .isEqualTo("id: is longer than 100 characters");
    }

    @Test
    void decode_webEventWithAnyShortId_isAcceptedWithSequenceZero() {
        EventJson web = EventJson.cartAdd().with("source", "wm:/web/wk_1").without("wmseq")
                .with("id", "ajs-next-1731142069-6b1f8e4e");
        assertThat(underTest.decode(web.bytes()).orElseThrow().sequence()).isZero();
    }

    @Test
    void decode_webEventWithSequence_isRejectedNamingWmseq() {
        EventJson web = EventJson.cartAdd().with("source", "wm:/web/wk_1").with("id", "m-1");
        assertThat(rejectionOf(web).message()).isEqualTo("wmseq: must be 0 for a web/app source");
    }

    @Test
    void decode_negativeSequence_isRejectedNamingWmseq() {
        assertThat(rejectionOf(EventJson.cartAdd().with("wmseq", Json.createValue(-1))).field()).isEqualTo("wmseq");
    }

    @Test
    void decode_fractionalSequence_isRejectedNamingWmseq() {
        assertThat(rejectionOf(EventJson.cartAdd().with("wmseq", Json.createValue(1.5))).message())
                .isEqualTo("wmseq: must be an integer");
    }

    @Test
    void decode_sourceWithWildcard_isRejectedNamingSource() {
        Rejection rejection = rejectionOf(EventJson.cartAdd().with("source", "wm:/s/store+1/d/kiosk-07"));
        assertThat(rejection.field()).isEqualTo("source");
        assertThat(rejection.reason()).contains("store+1");
    }

    @Test
    void decode_timeWithoutOffset_isRejectedNamingTime() {
        assertThat(rejectionOf(EventJson.cartAdd().with("time", "2026-11-23T10:15:02")).field()).isEqualTo("time");
    }

    @Test
    void decode_timeAfterYear9999_isRejectedNamingTime() {
        assertThat(rejectionOf(EventJson.cartAdd().with("time", "+10000-01-01T00:00:00Z")).message())
                .isEqualTo("time: must be within the years 0000 to 9999 (RFC 3339)");
    }

    @Test
    void decode_otherDatacontenttype_isRejectedNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().with("datacontenttype", "text/xml")).field())
                .isEqualTo("datacontenttype");
    }

    @Test
    void decode_dataschemaOfOtherType_isRejectedNamingDataschema() {
        assertThat(rejectionOf(EventJson.cartAdd().with("dataschema", "wm:schema/wm.kiosk.search/1")).message())
                .isEqualTo("dataschema: must be wm:schema/wm.kiosk.cart_add/{version}");
    }

    @Test
    void decode_dataNotAnObject_isRejectedNamingData() {
        assertThat(rejectionOf(EventJson.cartAdd().with("data", "sku")).message())
                .isEqualTo("data: must be a JSON object");
    }

    @Test
    void decode_unknownDataProperty_isRejectedNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().withData("colour", "red")).message())
                .isEqualTo("data.colour: unknown property");
    }

    @Test
    void decode_missingDataField_isRejectedNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().withoutData("sku")).message()).isEqualTo("data.sku: is missing");
    }

    @Test
    void decode_numericSku_isRejectedAsNotAString() {
        assertThat(rejectionOf(EventJson.cartAdd().withData("sku", Json.createValue(88412))).message())
                .isEqualTo("data.sku: must be a string");
    }

    @Test
    void decode_nullRequiredField_isRejectedNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().withData("sku", JsonValue.NULL)).message())
                .isEqualTo("data.sku: must not be null");
    }

    @Test
    void decode_fractionalQuantity_isRejectedAsNotAnInteger() {
        assertThat(rejectionOf(EventJson.cartAdd().withData("quantity", Json.createValue(1.5))).message())
                .isEqualTo("data.quantity: must be an integer");
    }

    @Test
    void decode_hugeUnitPrice_isRejectedAsOutOfRange() {
        String json = EventJson.cartAdd().json().toString().replace("12999", "9".repeat(30));
        assertThat(rejectionOf(Samples.utf8(json)).message()).isEqualTo("data.unitPrice: is out of range");
    }

    @Test
    void decode_overlongString_isRejectedNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().withData("sku", "S".repeat(Limits.MAX_STRING_CHARS + 1)))
                .message()).isEqualTo("data.sku: is longer than 2000 characters");
    }

    @Test
    void decode_zeroQuantity_isRejectedByTheRecordNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().withData("quantity", Json.createValue(0))).message())
                .isEqualTo("data.quantity: must be positive, was 0");
    }

    @Test
    void decode_blankSku_isRejectedByTheRecordNamingIt() {
        assertThat(rejectionOf(EventJson.cartAdd().withData("sku", "  ")).message())
                .isEqualTo("data.sku: must not be blank");
    }

    @Test
    void encode_eventOverLimit_throwsNamingTheSize() {
        CloudEvent big = Samples.event(new WebTrack(Optional.of("a"),
                Optional.empty(), "e", hugeObject(), Json.createObjectBuilder().build()));
        assertThatThrownBy(() -> underTest.encode(big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit 32768");
    }

    private static JsonObject hugeObject() {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < 40; i++) {
            builder.add("k" + i, "v".repeat(1000));
        }
        return builder.build();
    }
}
