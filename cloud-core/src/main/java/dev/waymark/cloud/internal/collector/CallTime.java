package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Decoded;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a call happened, as Segment computes it: {@code timestamp} when the call sets it; else
 * {@code originalTimestamp} corrected for the device's clock skew, {@code receivedAt - (sentAt - originalTimestamp)}
 * when {@code sentAt} is known; else {@code originalTimestamp}; else the time of receipt.
 */
final class CallTime {

    private CallTime() {
    }

    /** The call's time, or a refusal naming the timestamp that is not ISO-8601 with an offset. */
    static Decoded<Instant> of(JsonObject message, Receipt receipt) {
        Decoded<Optional<Instant>> timestamp = read(message.get("timestamp"), "timestamp");
        if (!timestamp.isAccepted() || timestamp.orElseThrow().isPresent()) {
            return timestamp.map(Optional::orElseThrow);
        }
        Decoded<Optional<Instant>> original = read(message.get("originalTimestamp"), "originalTimestamp");
        JsonValue sentAtValue = message.containsKey("sentAt") ? message.get("sentAt") : receipt.sharedSentAt();
        Decoded<Optional<Instant>> sentAt = read(sentAtValue, "sentAt");
        if (!original.isAccepted()) {
            return original.map(Optional::orElseThrow);
        }
        if (!sentAt.isAccepted()) {
            return sentAt.map(Optional::orElseThrow);
        }
        if (original.orElseThrow().isEmpty()) {
            return Decoded.accepted(receipt.receivedAt());
        }
        Instant originalAt = original.orElseThrow().get();
        if (sentAt.orElseThrow().isEmpty()) {
            return Decoded.accepted(originalAt);
        }
        try {
            Duration skewed = Duration.between(originalAt, sentAt.orElseThrow().get());
            return Decoded.accepted(receipt.receivedAt().minus(skewed));
        } catch (ArithmeticException | DateTimeException e) {
            return Decoded.rejected("sentAt", "is too far from originalTimestamp");
        }
    }

    private static Decoded<Optional<Instant>> read(JsonValue value, String name) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Decoded.accepted(Optional.empty());
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return Decoded.rejected(name, "must be an ISO-8601 timestamp string");
        }
        String text = ((JsonString) value).getString();
        if (text.length() > 64) {
            return Decoded.rejected(name, "must be an ISO-8601 timestamp with an offset");
        }
        try {
            return Decoded.accepted(Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()));
        } catch (DateTimeParseException e) {
            return Decoded.rejected(name, "must be an ISO-8601 timestamp with an offset");
        }
    }
}
