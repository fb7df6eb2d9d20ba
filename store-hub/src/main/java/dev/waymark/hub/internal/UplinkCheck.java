package dev.waymark.hub.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.ParsedEvent;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.event.DeviceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the hub checks in a kiosk's uplink before storing it (DESIGN.md section 5): the payload is a valid event or
 * CloudEvents batch under the shared protocol, and every event's {@code source} is
 * {@code wm:/s/{this store}/d/{the publishing client}}. A status event also yields the device's clock for skew.
 */
final class UplinkCheck {

    /** The outcome: accepted (with the device time of a status event, if any) or rejected with a reason. */
    record Verdict(Optional<Rejection> rejection, Optional<Instant> deviceTime) {

        static Verdict accepted(Optional<Instant> deviceTime) {
            return new Verdict(Optional.empty(), deviceTime);
        }

        static Verdict rejected(Rejection rejection) {
            return new Verdict(Optional.of(rejection), Optional.empty());
        }

        boolean isAccepted() {
            return rejection.isEmpty();
        }
    }

    private final EventCodec codec;

    UplinkCheck(EventCodec codec) {
        this.codec = codec;
    }

    /** Checks an {@code events} payload: one event or a batch. */
    Verdict events(DeviceIdentity device, byte[] payload) {
        Decoded<List<ParsedEvent>> events = isBatch(payload) ? codec.parseBatch(payload)
                : codec.parse(payload).map(List::of);
        if (events instanceof Decoded.Rejected<List<ParsedEvent>> rejected) {
            return Verdict.rejected(rejected.rejection());
        }
        List<ParsedEvent> list = events.orElseThrow();
        for (int i = 0; i < list.size(); i++) {
            Optional<Rejection> foreign = ownSource(device, list.get(i));
            if (foreign.isPresent()) {
                return Verdict.rejected(list.size() == 1 && !isBatch(payload) ? foreign.get()
                        : foreign.get().under("[" + i + "]"));
            }
        }
        return Verdict.accepted(Optional.empty());
    }

    /** Checks a {@code status} payload: one {@code wm.device.status} event of the device itself. */
    Verdict status(DeviceIdentity device, byte[] payload) {
        Decoded<ParsedEvent> parsed = codec.parse(payload);
        if (parsed instanceof Decoded.Rejected<ParsedEvent> rejected) {
            return Verdict.rejected(rejected.rejection());
        }
        ParsedEvent event = parsed.orElseThrow();
        Optional<Rejection> foreign = ownSource(device, event);
        if (foreign.isPresent()) {
            return Verdict.rejected(foreign.get());
        }
        Optional<Instant> deviceTime = event.bind().acceptedValue()
                .filter(bound -> bound.data() instanceof DeviceStatus)
                .map(bound -> ((DeviceStatus) bound.data()).deviceTime());
        return Verdict.accepted(deviceTime.or(() -> Optional.of(event.time())));
    }

    private static Optional<Rejection> ownSource(DeviceIdentity device, ParsedEvent event) {
        String expected = device.source();
        String actual = event.source().format();
        return expected.equals(actual) ? Optional.empty()
                : Optional.of(Rejection.of("source", "must be " + expected + " (the publishing client), got "
                        + actual));
    }

    private static boolean isBatch(byte[] payload) {
        for (byte b : payload) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }
}
