package dev.waymark.protocol;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchTest {

    private final EventCodec underTest = EventCodec.create();

    private Rejection rejectionOf(String json) {
        return underTest.decodeBatch(Samples.utf8(json)).rejectionIfAny().orElseThrow();
    }

    @Test
    void decodeBatch_ofEveryCatalogSample_returnsThemInOrder() {
        List<CloudEvent> events = Samples.payloads().stream().map(Samples::event).toList();

        assertThat(underTest.decodeBatch(underTest.encodeBatch(events))).isEqualTo(Decoded.accepted(events));
    }

    @Test
    void decodeBatch_emptyArray_isAcceptedAsNoEvents() {
        assertThat(underTest.decodeBatch(Samples.utf8(" [ ] "))).isEqualTo(Decoded.accepted(List.of()));
    }

    @Test
    void decodeBatch_object_isRejectedAsNotAnArray() {
        assertThat(rejectionOf("{}").message()).isEqualTo("$: a batch must be a JSON array");
    }

    @Test
    void decodeBatch_nonObjectElement_isRejectedNamingItsIndex() {
        String event = EventJson.cartAdd().json().toString();
        assertThat(rejectionOf("[" + event + ",42]").message()).isEqualTo("[1]: an event must be a JSON object");
    }

    @Test
    void decodeBatch_badEvent_isRejectedNamingIndexAndField() {
        String good = EventJson.cartAdd().json().toString();
        String bad = EventJson.cartAdd().withoutData("sku").json().toString();
        assertThat(rejectionOf("[" + good + "," + good + "," + bad + "]").message())
                .isEqualTo("[2].data.sku: is missing");
    }

    @Test
    void decodeBatch_contentAfterTheArray_isRejectedAsMalformed() {
        assertThat(rejectionOf("[] []").reason()).startsWith("malformed JSON");
    }

    @Test
    void decodeBatch_truncated_isRejectedAsMalformed() {
        assertThat(rejectionOf("[" + EventJson.cartAdd().json().toString()).reason()).startsWith("malformed JSON");
    }

    @Test
    void decodeBatch_overByteLimit_isRejectedWithSizeAndLimit() {
        String padded = "[" + " ".repeat(Limits.MAX_BATCH_BYTES) + "]";
        assertThat(rejectionOf(padded).message())
                .isEqualTo("$: batch is " + (Limits.MAX_BATCH_BYTES + 2) + " bytes, limit 512000");
    }

    @Test
    void decodeBatch_overEventCount_isRejectedNamingTheLimit() {
        String valid = EventJson.cartAdd().json().toString();
        String json = "[" + String.join(",", Collections.nCopies(Limits.MAX_BATCH_EVENTS + 1, valid)) + "]";
        assertThat(json.length()).isLessThan(Limits.MAX_BATCH_BYTES);

        assertThat(rejectionOf(json).message()).isEqualTo("$: batch has more than 1000 events");
    }

    @Test
    void decodeBatch_eventOverEventLimit_isRejectedNamingItsIndexAndSize() {
        String json = EventJson.cartAdd().json().toString();
        String padded = json.substring(0, json.length() - 1) + " ".repeat(Limits.MAX_EVENT_BYTES) + "}";
        int size = Samples.utf8(padded).length;
        assertThat(rejectionOf("[" + json + ", " + padded + "]").message())
                .isEqualTo("[1]: event is " + size + " bytes, limit 32768");
    }

    @Test
    void decodeBatch_eventExactlyAtEventLimit_isAcceptedAndOneByteMoreIsNot() {
        String json = EventJson.cartAdd().json().toString();
        int pad = Limits.MAX_EVENT_BYTES - Samples.utf8(json).length;
        String atLimit = json.substring(0, json.length() - 1) + " ".repeat(pad) + "}";
        String overLimit = json.substring(0, json.length() - 1) + " ".repeat(pad + 1) + "}";

        assertThat(underTest.decodeBatch(Samples.utf8("[" + atLimit + "]")).isAccepted()).isTrue();
        assertThat(rejectionOf("[" + overLimit + "]").message()).isEqualTo("[0]: event is 32769 bytes, limit 32768");
    }

    @Test
    void decodeBatch_multiByteCharacters_areCountedInBytes() {
        String json = EventJson.cartAdd().withData("category", "é".repeat(1500)).json().toString();
        int pad = Limits.MAX_EVENT_BYTES - Samples.utf8(json).length;
        String overLimit = json.substring(0, json.length() - 1) + " ".repeat(pad + 1) + "}";

        assertThat(rejectionOf("[" + overLimit + "]").message()).isEqualTo("[0]: event is 32769 bytes, limit 32768");
    }

    @Test
    void encodeBatch_overEventCount_throwsNamingTheLimit() {
        CloudEvent event = Samples.event(Samples.payloads().get(0));
        List<CloudEvent> events = Collections.nCopies(Limits.MAX_BATCH_EVENTS + 1, event);
        assertThatThrownBy(() -> underTest.encodeBatch(events)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit 1000");
    }
}
