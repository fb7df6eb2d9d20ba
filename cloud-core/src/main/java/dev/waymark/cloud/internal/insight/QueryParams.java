package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.protocol.Topics;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads the query parameters shared by the insight routes, refusing malformed, repeated or forbidden ones. */
final class QueryParams {

    /** Longest accepted free-text parameter (action ids). */
    static final int MAX_TEXT = 100;

    private final MultiMap params;

    QueryParams(MultiMap params) {
        this.params = params;
    }

    /** The parameter's single value, if given; a repeated parameter is refused. */
    Optional<String> single(String name) throws Refusal {
        List<String> values = params.getAll(name);
        if (values.size() > 1) {
            throw Refusal.badField(name, "given more than once");
        }
        return values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The {@code store} filter: a valid store id the caller may see. */
    Optional<String> store(Caller caller) throws Refusal {
        Optional<String> store = single("store");
        if (store.isPresent()) {
            checkStoreId("store", store.get());
            if (!caller.mayAccessStore(store.get())) {
                throw Refusal.forbiddenStore(store.get());
            }
        }
        return store;
    }

    /** A free-text id of at most {@value #MAX_TEXT} printable characters. */
    Optional<String> text(String name) throws Refusal {
        Optional<String> value = single(name);
        if (value.isPresent()) {
            String text = value.get();
            if (text.length() > MAX_TEXT) {
                throw Refusal.badField(name, "longer than " + MAX_TEXT + " characters");
            }
            if (text.isBlank() || text.chars().anyMatch(Character::isISOControl)) {
                throw Refusal.badField(name, "must be printable text");
            }
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code 2026-03-01T00:00:00Z}. */
    Optional<Instant> instant(String name) throws Refusal {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.get()));
        } catch (DateTimeParseException e) {
            throw Refusal.badField(name, "not an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }

    /** Refuses a store id that is not one safe path segment. */
    static void checkStoreId(String field, String store) throws Refusal {
        try {
            Topics.requireSegment(field, store);
        } catch (IllegalArgumentException e) {
            throw Refusal.badField(field, "not a store id (ASCII letters, digits, '.', '_' and '-', at most "
                    + dev.waymark.protocol.Limits.MAX_SEGMENT_CHARS + ")");
        }
    }
}
