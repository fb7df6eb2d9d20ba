package dev.waymark.protocol;

import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.Search;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-step form: parse, let masking rewrite {@code data}, then bind. */
class ParsedEventTest {

    private final EventCodec underTest = EventCodec.create();

    private ParsedEvent parsed(Payload payload) {
        return underTest.parse(underTest.encode(Samples.event(payload))).orElseThrow();
    }

    @Test
    void parse_exposesTheValidatedEnvelope() {
        ParsedEvent parsed = parsed(new Search("s-1", Optional.of("shoes"), 3));

        assertThat(parsed.id()).isEqualTo(Samples.ULID);
        assertThat(parsed.source()).isEqualTo(Samples.KIOSK);
        assertThat(parsed.type()).isEqualTo(EventCatalog.of(Search.class));
        assertThat(parsed.time()).isEqualTo(Samples.TIME);
        assertThat(parsed.sequence()).isEqualTo(41);
        assertThat(parsed.receivedSchemaVersion()).isEqualTo(1);
        assertThat(parsed.data().getString("query")).isEqualTo("shoes");
    }

    @Test
    void bind_afterDroppingAFreeTextField_bindsItAsEmpty() {
        ParsedEvent parsed = parsed(new Search("s-1", Optional.of("jane@example.com"), 3));
        JsonObject masked = Json.createObjectBuilder(parsed.data()).remove("query").build();

        CloudEvent event = parsed.withData(masked).bind().orElseThrow();

        assertThat(event.data()).isEqualTo(new Search("s-1", Optional.empty(), 3));
    }

    @Test
    void bind_afterTokenizingAPersonalField_carriesTheToken() {
        ParsedEvent parsed = parsed(new LoyaltyScan("s-1", "LC-4417-2290-0001"));
        JsonObject masked = Json.createObjectBuilder(parsed.data()).add("loyaltyId", "k1:9f86d081884c7d65").build();

        assertThat(parsed.withData(masked).bind().orElseThrow().dataAs(LoyaltyScan.class).loyaltyId())
                .isEqualTo("k1:9f86d081884c7d65");
    }

    @Test
    void bind_afterDroppingARequiredField_isRejectedNamingIt() {
        ParsedEvent parsed = parsed(new LoyaltyScan("s-1", "LC-4417-2290-0001"));
        JsonObject dropped = Json.createObjectBuilder(parsed.data()).remove("loyaltyId").build();

        assertThat(parsed.withData(dropped).bind().rejectionIfAny().orElseThrow().message())
                .isEqualTo("data.loyaltyId: is missing");
    }

    @Test
    void bind_nullOptionalField_bindsAsEmpty() {
        ParsedEvent parsed = parsed(new Search("s-1", Optional.of("shoes"), 3));
        JsonObject nulled = Json.createObjectBuilder(parsed.data()).addNull("query").build();

        assertThat(parsed.withData(nulled).bind().orElseThrow().data())
                .isEqualTo(new Search("s-1", Optional.empty(), 3));
    }

    @Test
    void withData_leavesTheOriginalUnchanged() {
        ParsedEvent parsed = parsed(new Search("s-1", Optional.of("shoes"), 3));

        parsed.withData(JsonObject.EMPTY_JSON_OBJECT);

        assertThat(parsed.data().getString("query")).isEqualTo("shoes");
    }

    @Test
    void bindAll_withOneBadEvent_isRejectedNamingItsIndex() {
        ParsedEvent good = parsed(new Search("s-1", Optional.empty(), 0));
        ParsedEvent bad = good.withData(JsonObject.EMPTY_JSON_OBJECT);

        assertThat(ParsedEvent.bindAll(List.of(good, bad)).rejectionIfAny().orElseThrow().message())
                .isEqualTo("[1].data.sessionId: is missing");
    }

    @Test
    void parseBatch_thenBindAll_equalsDecodeBatch() {
        List<CloudEvent> events = Samples.payloads().stream().map(Samples::event).toList();
        byte[] batch = underTest.encodeBatch(events);

        assertThat(underTest.parseBatch(batch).flatMap(ParsedEvent::bindAll)).isEqualTo(Decoded.accepted(events));
    }
}
