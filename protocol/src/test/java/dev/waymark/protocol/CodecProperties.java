package dev.waymark.protocol;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips over generated events of every catalog type, and fuzzing that must never escape as a throw. */
class CodecProperties {

    private final EventCodec underTest = EventCodec.create();

    @Property(tries = 600)
    void decode_ofEncodedEvent_returnsTheSameEvent(@ForAll("events") CloudEvent event) {
        assertThat(underTest.decode(underTest.encode(event))).isEqualTo(Decoded.accepted(event));
    }

    @Property(tries = 100)
    void decodeBatch_ofEncodedBatch_returnsTheSameEventsInOrder(
            @ForAll @Size(max = 20) List<@From("events") CloudEvent> events) {
        assertThat(underTest.decodeBatch(underTest.encodeBatch(events))).isEqualTo(Decoded.accepted(events));
    }

    @Property(tries = 300)
    void parseThenBind_withUntouchedData_equalsDecode(@ForAll("events") CloudEvent event) {
        byte[] bytes = underTest.encode(event);
        assertThat(underTest.parse(bytes).flatMap(ParsedEvent::bind)).isEqualTo(underTest.decode(bytes));
    }

    @Property(tries = 500)
    void decode_ofRandomBytes_neverThrows(@ForAll @Size(max = 2048) byte[] bytes) {
        assertThat(underTest.decode(bytes)).isNotNull();
        assertThat(underTest.decodeBatch(bytes)).isNotNull();
    }

    @Property(tries = 500)
    void decode_ofTruncatedEvent_isRejectedWithoutThrowing(@ForAll("events") CloudEvent event,
                                                           @ForAll double cut) {
        byte[] bytes = underTest.encode(event);
        int length = (int) (Math.abs(cut) % 1.0 * bytes.length);
        byte[] truncated = Arrays.copyOf(bytes, length);
        assertThat(underTest.decode(truncated).isAccepted()).isFalse();
        assertThat(underTest.decodeBatch(truncated).isAccepted()).isFalse();
    }

    @Property(tries = 1000)
    void decode_ofMutatedEvent_neverThrows(@ForAll("events") CloudEvent event,
                                           @ForAll @Size(min = 1, max = 8) List<@From("mutations") int[]> edits) {
        byte[] bytes = underTest.encode(event);
        for (int[] edit : edits) {
            bytes = Mutations.apply(bytes, edit);
        }
        Decoded<CloudEvent> decoded = underTest.decode(bytes);
        assertThat(decoded).isNotNull();
        decoded.acceptedValue().ifPresent(accepted -> assertThat(underTest.decode(underTest.encode(accepted)))
                .isEqualTo(Decoded.accepted(accepted)));
        assertThat(underTest.decodeBatch(Mutations.wrapInArray(bytes))).isNotNull();
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, Mutations.KINDS - 1),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(0, 255))
                .as((kind, position, value) -> new int[] {kind, position, value});
    }

    @Provide
    Arbitrary<CloudEvent> events() {
        return Arbitraries.of(List.copyOf(EventCatalog.all())).flatMap(CodecProperties::eventsOf);
    }

    static Arbitrary<CloudEvent> eventsOf(EventType type) {
        Arbitrary<? extends Payload> payloads = RecordArbitraries.of(type.payloadClass());
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<String> segments = Arbitraries.strings().withChars("abcXYZ019._-")
                .ofMinLength(1).ofMaxLength(Limits.MAX_SEGMENT_CHARS);
        if (type.area().equals("web")) {
            Arbitrary<String> ids = RecordArbitraries.text().map(s -> s.length() > 100 ? s.substring(0, 100) : s);
            return Combinators.combine(ids, segments, times, payloads)
                    .as((id, key, time, payload) -> CloudEvent.of(id, Source.web(key), time, 0, payload));
        }
        Arbitrary<Ulid> ulids = Combinators.combine(Arbitraries.longs().between(0, (1L << 48) - 1),
                Arbitraries.integers(), Arbitraries.longs()).as(Ulid::of);
        return Combinators.combine(ulids, segments, segments, times, Arbitraries.longs().greaterOrEqual(0), payloads)
                .as((id, store, device, time, seq, payload) ->
                        CloudEvent.of(id, Source.device(store, device), time, seq, payload));
    }
}
