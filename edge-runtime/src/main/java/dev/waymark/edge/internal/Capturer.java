package dev.waymark.edge.internal;

import dev.waymark.edge.CaptureResult;
import dev.waymark.edge.CaptureResult.Refusal;
import dev.waymark.privacy.EventMasker;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.ParsedEvent;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Turns what the kiosk UI sends into stored events: wraps each capture in a CloudEvent envelope (id, source, time,
 * sequence), keeps the kiosk session (adding session starts and ends), validates through {@code protocol}, masks
 * through {@code consent-pii}, encodes, and hands the rows to the single writer. A capture of several events is all
 * or nothing. Sequence numbers are assigned under one lock with the enqueue, so commit order is sequence order.
 */
final class Capturer {

    private final EventCodec codec;
    private final EventMasker masker;
    private final Source source;
    private final Clock clock;
    private final UlidGenerator ids;
    private final SessionIds sessionIds;
    private final OutboxWriter writer;
    private final CaptureEnvelopes envelopes;
    private final Consumer<List<CloudEvent>> committed;
    private long nextSequence;
    private Optional<KioskSession> session = Optional.empty();

    Capturer(EventCodec codec, EventMasker masker, Source source, Clock clock, UlidGenerator ids,
             SessionIds sessionIds, OutboxWriter writer, String locale, long nextSequence,
             Consumer<List<CloudEvent>> committed) {
        this.codec = codec;
        this.masker = masker;
        this.source = source;
        this.clock = clock;
        this.ids = ids;
        this.sessionIds = sessionIds;
        this.writer = writer;
        this.envelopes = new CaptureEnvelopes(locale);
        this.nextSequence = nextSequence;
        this.committed = committed;
    }

    /** Captures one capture object or an array of them; the future completes after the commit. */
    CompletableFuture<CaptureResult> capture(JsonValue input) {
        List<JsonObject> captures = new ArrayList<>();
        if (input instanceof JsonObject one) {
            captures.add(one);
        } else if (input instanceof JsonArray many) {
            if (many.size() > Limits.MAX_BATCH_EVENTS) {
                return refused(Refusal.TOO_LARGE, "$", "a capture batch has more than " + Limits.MAX_BATCH_EVENTS
                        + " events");
            }
            for (int i = 0; i < many.size(); i++) {
                if (!(many.get(i) instanceof JsonObject item)) {
                    return refused(Refusal.INVALID, "[" + i + "]", "a capture must be a JSON object");
                }
                captures.add(item);
            }
        } else {
            return refused(Refusal.INVALID, "$", "must be a capture object or an array of capture objects");
        }
        return store(captures, input instanceof JsonArray);
    }

    /** Ends the open session when it has been idle for {@code idle}; completes empty when nothing was open. */
    CompletableFuture<CaptureResult> endIfIdle(java.time.Duration idle) {
        synchronized (this) {
            Instant now = clock.instant();
            if (session.isEmpty() || !session.get().idleAt(now, idle)) {
                return CompletableFuture.completedFuture(new CaptureResult.Stored(List.of()));
            }
        }
        return store(List.of(CaptureEnvelopes.sessionEnd("idle")), false);
    }

    /** The open session, if any. */
    synchronized Optional<KioskSession> session() {
        return session;
    }

    private synchronized CompletableFuture<CaptureResult> store(List<JsonObject> captures, boolean batch) {
        Instant now = clock.instant();
        Optional<KioskSession> working = session;
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            String prefix = batch ? "[" + i + "]" : "$";
            CaptureEnvelopes.Planned planned = envelopes.plan(captures.get(i), working, now, sessionIds);
            if (planned.rejection().isPresent()) {
                return refused(Refusal.INVALID, planned.rejection().get().under(prefix));
            }
            working = planned.session();
            for (JsonObject capture : planned.captures()) {
                long sequence = nextSequence + events.size();
                JsonObject envelope = envelopes.envelope(capture, ids.next().value(), source, now, sequence);
                // The envelope is already JSON: validate it as it is rather than write it out and read it back.
                Decoded<CloudEvent> event = codec.parse(envelope).flatMap(this::maskAndBind);
                if (event instanceof Decoded.Rejected<CloudEvent> r) {
                    Rejection rejection = r.rejection().under(prefix);
                    return refused(isSize(rejection) ? Refusal.TOO_LARGE : Refusal.INVALID, rejection);
                }
                events.add(event.orElseThrow());
            }
        }
        List<OutboxRow> rows = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            byte[] encoded;
            try {
                encoded = codec.encode(event);
            } catch (IllegalArgumentException overLimit) {
                return refused(Refusal.TOO_LARGE, Rejection.of("$", overLimit.getMessage()));
            }
            rows.add(new OutboxRow(event.sequence(), event.id(), event.type(), Priority.of(event.type()), encoded));
        }
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(new CaptureResult.Stored(List.of()));
        }
        Optional<CompletableFuture<OutboxWriter.Appended>> appended = writer.append(rows);
        if (appended.isEmpty()) {
            return refused(Refusal.BUSY, "$", "the kiosk agent is busy writing earlier captures; retry shortly");
        }
        nextSequence += rows.size();
        session = working;
        return appended.get().thenApply(outcome -> {
            if (outcome == OutboxWriter.Appended.OVER_QUOTA) {
                return new CaptureResult.Refused(Refusal.OVER_QUOTA, Rejection.of("$",
                        "the outbox is full of events that are never dropped; retry when the hub is reachable"));
            }
            committed.accept(events);
            List<CaptureResult.StoredEvent> stored = new ArrayList<>(events.size());
            for (CloudEvent event : events) {
                stored.add(new CaptureResult.StoredEvent(event.id(), event.sequence(), event.type()));
            }
            return new CaptureResult.Stored(stored);
        });
    }

    private Decoded<CloudEvent> maskAndBind(ParsedEvent parsed) {
        EventType type = parsed.type();
        if (type.personalFields().isEmpty()) {
            return parsed.bind();
        }
        return parsed.withData(masker.mask(parsed.data(), type.personalFields())).bind();
    }

    private static boolean isSize(Rejection rejection) {
        return rejection.reason().contains("bytes, limit") || rejection.reason().contains("more than");
    }

    private static CompletableFuture<CaptureResult> refused(Refusal refusal, String field, String reason) {
        return refused(refusal, Rejection.of(field, reason));
    }

    private static CompletableFuture<CaptureResult> refused(Refusal refusal, Rejection rejection) {
        return CompletableFuture.completedFuture(new CaptureResult.Refused(refusal, rejection));
    }
}
