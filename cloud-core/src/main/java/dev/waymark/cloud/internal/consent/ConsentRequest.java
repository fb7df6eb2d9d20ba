package dev.waymark.cloud.internal.consent;

import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST .../consents}: {@code {purpose, channel, state, source, evidence?}}, checked strictly.
 * {@code channel} is a channel's wire name or {@value #ALL_CHANNELS}; {@code state} is granted, denied or
 * withdrawn; {@code source} names where the statement came from (1 to 64 of letters, digits, {@code _.:-}).
 */
record ConsentRequest(Purpose purpose, Set<Channel> channels, ConsentStatus status, String source,
        String evidence) {

    /** The channel value meaning every channel. */
    static final String ALL_CHANNELS = "all";
    /** Longest evidence accepted (the protocol's string limit; a TCF string fits). */
    static final int MAX_EVIDENCE_CHARS = 2000;
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<String> FIELDS = Set.of("purpose", "channel", "state", "source", "evidence");

    /** A problem with the request, naming the field. */
    record Problem(String field, String message) {
    }

    /** The request read from {@code body}, or the first problem found. */
    static Result parse(JsonObject body) {
        for (String field : body.fieldNames()) {
            if (!FIELDS.contains(field)) {
                String named = field.length() > 64 ? field.substring(0, 64) + "..." : field;
                return Result.failed(named, "unknown field (purpose, channel, state, source, evidence)");
            }
        }
        Optional<Purpose> purpose = text(body, "purpose").flatMap(Purpose::fromWireName);
        if (purpose.isEmpty()) {
            return Result.failed("purpose", "must be one of marketing, personalization, analytics, service");
        }
        Optional<String> channel = text(body, "channel");
        Optional<Set<Channel>> channels = channel.filter(ALL_CHANNELS::equalsIgnoreCase)
                .map(all -> ConsentRecord.ALL_CHANNELS)
                .or(() -> channel.flatMap(Channel::fromWireName).map(Set::of));
        if (channels.isEmpty()) {
            return Result.failed("channel", "must be one of kiosk, web, app, push, sms, email or all");
        }
        Optional<ConsentStatus> status = text(body, "state").flatMap(ConsentRequest::status);
        if (status.isEmpty()) {
            return Result.failed("state", "must be granted, denied or withdrawn");
        }
        Optional<String> source = text(body, "source").filter(value -> SOURCE.matcher(value).matches());
        if (source.isEmpty()) {
            return Result.failed("source", "must be 1 to 64 of letters, digits and _.:-");
        }
        Object evidence = body.getValue("evidence");
        if (evidence != null && (!(evidence instanceof String text) || text.length() > MAX_EVIDENCE_CHARS)) {
            return Result.failed("evidence", "must be a string of at most " + MAX_EVIDENCE_CHARS + " characters");
        }
        return new Result(Optional.of(new ConsentRequest(purpose.get(), channels.get(), status.get(), source.get(),
                evidence == null ? "" : (String) evidence)), Optional.empty());
    }

    /** The ledger record this request asks for. */
    ConsentRecord toRecord(String profileId, Instant at) {
        return new ConsentRecord(profileId, purpose, channels, status, source, at, evidence);
    }

    /** A parsed request or a problem. */
    record Result(Optional<ConsentRequest> request, Optional<Problem> problem) {
        static Result failed(String field, String message) {
            return new Result(Optional.empty(), Optional.of(new Problem(field, message)));
        }
    }

    private static Optional<String> text(JsonObject body, String field) {
        return body.getValue(field) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    private static Optional<ConsentStatus> status(String state) {
        for (ConsentStatus status : ConsentStatus.values()) {
            if (status.name().toLowerCase(Locale.ROOT).equals(state)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
