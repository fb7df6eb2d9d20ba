package dev.waymark.cloud.internal.identity;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.WebAlias;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebPage;
import dev.waymark.protocol.event.WebScreen;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The identifiers an event carries (pure). Device events: a payload with a {@code sessionId} gives
 * {@code kiosk_session = {store}/{device}/{sessionId}}, a loyalty scan gives {@code loyalty}. Web/app events:
 * {@code anonymousId} gives {@code cookie}, {@code userId} gives {@code crm}, an identify's {@code traits.email},
 * {@code traits.phone} and {@code traits.loyaltyId} give {@code email}, {@code phone} and {@code loyalty}; an alias
 * links {@code userId} ({@code crm}) with {@code previousId} ({@code crm} when it is a token, else {@code cookie}).
 * Events without identifiers (heartbeats, hub reports, outcomes) give an empty list. Values longer than
 * {@value #MAX_VALUE_CHARS} characters are not identifiers and are left out.
 */
public final class Identifiers {

    /** Longest identifier value taken from an event; tokens are far shorter. */
    public static final int MAX_VALUE_CHARS = 256;
    private static final String TOKEN_PREFIX = "tok:";

    private Identifiers() {
    }

    /** The identifiers of {@code event}, without duplicates, in the order the class comment lists them. */
    public static List<Identifier> of(CloudEvent event) {
        LinkedHashSet<Identifier> found = new LinkedHashSet<>();
        Source source = event.parsedSource();
        Payload data = event.data();
        if (source.isDevice()) {
            sessionId(data).ifPresent(session -> add(found, "kiosk_session",
                    source.storeId().orElseThrow() + "/" + source.deviceId().orElseThrow() + "/" + session));
            if (data instanceof LoyaltyScan scan) {
                add(found, "loyalty", scan.loyaltyId());
            }
        } else {
            web(found, data);
        }
        return List.copyOf(found);
    }

    private static void web(LinkedHashSet<Identifier> found, Payload data) {
        if (data instanceof WebTrack track) {
            ids(found, track.anonymousId(), track.userId());
        } else if (data instanceof WebPage page) {
            ids(found, page.anonymousId(), page.userId());
        } else if (data instanceof WebScreen screen) {
            ids(found, screen.anonymousId(), screen.userId());
        } else if (data instanceof WebIdentify identify) {
            ids(found, identify.anonymousId(), identify.userId());
            trait(found, identify.traits(), "email", "email");
            trait(found, identify.traits(), "phone", "phone");
            trait(found, identify.traits(), "loyaltyId", "loyalty");
        } else if (data instanceof WebAlias alias) {
            add(found, "crm", alias.userId());
            add(found, alias.previousId().startsWith(TOKEN_PREFIX) ? "crm" : "cookie", alias.previousId());
        }
    }

    private static void ids(LinkedHashSet<Identifier> found, Optional<String> anonymousId, Optional<String> userId) {
        anonymousId.ifPresent(value -> add(found, "cookie", value));
        userId.ifPresent(value -> add(found, "crm", value));
    }

    private static void trait(LinkedHashSet<Identifier> found, JsonObject traits, String trait, String namespace) {
        JsonValue value = traits.get(trait);
        if (value instanceof JsonString text) {
            add(found, namespace, text.getString());
        }
    }

    /** The {@code sessionId} component of a payload record, when it has one (every shopper-facing kiosk event). */
    private static Optional<String> sessionId(Payload data) {
        RecordComponent[] components = data.getClass().getRecordComponents();
        if (components == null) {
            return Optional.empty();
        }
        for (RecordComponent component : components) {
            if (component.getName().equals("sessionId") && component.getType() == String.class) {
                try {
                    return Optional.ofNullable((String) component.getAccessor().invoke(data));
                } catch (ReflectiveOperationException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static void add(LinkedHashSet<Identifier> found, String namespace, String value) {
        if (value != null && !value.isBlank() && value.length() <= MAX_VALUE_CHARS) {
            found.add(new Identifier(namespace, value.strip()));
        }
    }

    /** Identifiers as text for records and logs ({@code ns:value ns:value}); values are tokens or ids, no PII. */
    public static String describe(List<Identifier> identifiers) {
        List<String> parts = new ArrayList<>(identifiers.size());
        identifiers.forEach(identifier -> parts.add(identifier.toString()));
        return String.join(" ", parts);
    }
}
