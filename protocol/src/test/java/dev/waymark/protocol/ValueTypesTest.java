package dev.waymark.protocol;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** equals/hashCode and factories of the small value types that are not generated. */
class ValueTypesTest {

    @Test
    void rejection_equalsByFieldAndReason() {
        assertThat(Rejection.of("data.sku", "is missing")).isEqualTo(new Rejection("data.sku", "is missing"))
                .hasSameHashCodeAs(new Rejection("data.sku", "is missing"))
                .isNotEqualTo(Rejection.of("data.sku", "must be a string"))
                .isNotEqualTo(Rejection.of("data.category", "is missing"));
        assertThat(Rejection.of("sku", "is missing").under("data").under("[3]").message())
                .isEqualTo("[3].data.sku: is missing");
        assertThatThrownBy(() -> Rejection.of(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decoded_equalsByContent() {
        assertThat(Decoded.accepted("a")).isEqualTo(Decoded.accepted("a")).hasSameHashCodeAs(Decoded.accepted("a"))
                .isNotEqualTo(Decoded.accepted("b"));
        assertThat(Decoded.<String>rejected("f", "r")).isEqualTo(Decoded.rejected("f", "r"))
                .isNotEqualTo(Decoded.rejected("f", "s"));
    }

    @Test
    void decoded_rejected_orElseThrowCarriesTheMessage() {
        assertThatThrownBy(() -> Decoded.rejected("data.sku", "is missing").orElseThrow())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("data.sku: is missing");
        assertThat(Decoded.<Integer>rejected("f", "r").map(i -> i + 1).isAccepted()).isFalse();
        assertThat(Decoded.accepted(1).map(i -> i + 1)).isEqualTo(Decoded.accepted(2));
    }

    @Test
    void ulid_equalsByValue() {
        assertThat(Ulid.parse(Samples.ULID)).isEqualTo(Ulid.parse(Samples.ULID))
                .hasSameHashCodeAs(Ulid.parse(Samples.ULID)).isNotEqualTo(Ulid.of(0, 0, 0));
    }

    @Test
    void topic_equalsByKindStoreAndDevice() {
        Topic events = Topics.device(TopicKind.EVENTS, "s", "d");
        assertThat(events).isEqualTo(Topics.device(TopicKind.EVENTS, "s", "d"))
                .hasSameHashCodeAs(Topics.device(TopicKind.EVENTS, "s", "d"))
                .isNotEqualTo(Topics.device(TopicKind.STATUS, "s", "d"))
                .isNotEqualTo(Topics.device(TopicKind.EVENTS, "s", "e"));
        assertThatThrownBy(() -> new Topic(TopicKind.BUNDLE, "s", Optional.of("d")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventType_equalsByAllParts() {
        EventType type = EventCatalog.find("wm.kiosk.search").orElseThrow();
        assertThat(type).isEqualTo(new EventType(type.name(), type.payloadClass(), 1, type.personalFields()))
                .isNotEqualTo(new EventType(type.name(), type.payloadClass(), 2, type.personalFields()));
    }
}
