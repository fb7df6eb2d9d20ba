package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.identity.Identifier;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One delivery of the CRM's webhook, read and checked: {@code {id, contact: {namespace, id}, traits?: {name: text or
 * null}, case?: {id, topic, status: open|closed}}}. A trait set to null is removed; {@code contractEndDate} must be
 * a date ({@code 2027-03-31}).
 *
 * @param id      the CRM's id of the delivery; a repeat is acknowledged and ignored
 * @param contact the profile, by identifier ({@code crm}) or Waymark id ({@code profile})
 * @param traits  traits to set (a value) or remove (empty)
 * @param serviceCase a service case opened or closed
 */
record InboundChange(String id, Identifier contact, Map<String, Optional<String>> traits,
        Optional<ServiceCase> serviceCase) {

    /** A service case: opening one opens a service journey on {@code topic}, closing it resolves it. */
    record ServiceCase(String id, String topic, boolean open) {
    }

    /** A body that cannot be applied, naming the field. */
    static final class Invalid extends Exception {
        final String field;
        final String reason;

        Invalid(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }

    private static final int MAX_TEXT = 128;
    private static final Set<String> CONTACT_NAMESPACES = Set.of("crm", "profile");

    /** Reads {@code body}; only {@code allowedTraits} may be set. */
    static InboundChange read(String body, Set<String> allowedTraits) throws Invalid {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new Invalid("$", "not a JSON object");
        }
        String id = text(json, "id", "id");
        JsonObject contact = object(json, "contact", true).orElseThrow();
        String namespace = text(contact, "namespace", "contact.namespace");
        if (!CONTACT_NAMESPACES.contains(namespace)) {
            throw new Invalid("contact.namespace", "must be crm or profile");
        }
        Identifier identifier = new Identifier(namespace, text(contact, "id", "contact.id"));
        Map<String, Optional<String>> traits = new LinkedHashMap<>();
        Optional<JsonObject> given = object(json, "traits", false);
        if (given.isPresent()) {
            for (String name : given.get().fieldNames()) {
                String field = "traits." + name;
                if (!allowedTraits.contains(name)) {
                    throw new Invalid(field, "not a trait the CRM may set (crm.traits: " + allowedTraits + ")");
                }
                Object value = given.get().getValue(name);
                traits.put(name, value == null ? Optional.empty() : Optional.of(trait(field, name, value)));
            }
        }
        Optional<ServiceCase> serviceCase = Optional.empty();
        Optional<JsonObject> caseJson = object(json, "case", false);
        if (caseJson.isPresent()) {
            String status = text(caseJson.get(), "status", "case.status");
            if (!status.equals("open") && !status.equals("closed")) {
                throw new Invalid("case.status", "must be open or closed");
            }
            serviceCase = Optional.of(new ServiceCase(text(caseJson.get(), "id", "case.id"),
                    text(caseJson.get(), "topic", "case.topic"), status.equals("open")));
        }
        if (traits.isEmpty() && serviceCase.isEmpty()) {
            throw new Invalid("$", "nothing to change: give traits or a case");
        }
        return new InboundChange(id, identifier, traits, serviceCase);
    }

    private static String trait(String field, String name, Object value) throws Invalid {
        if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
            throw new Invalid(field, "must be a text of 1 to " + MAX_TEXT + " characters, or null to remove it");
        }
        if (name.equals("contractEndDate")) {
            try {
                LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new Invalid(field, "must be a date like 2027-03-31");
            }
        }
        return text;
    }

    private static String text(JsonObject json, String name, String field) throws Invalid {
        Object value = json.getValue(name);
        if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
            throw new Invalid(field, "must be a text of 1 to " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static Optional<JsonObject> object(JsonObject json, String field, boolean required) throws Invalid {
        Object value = json.getValue(field);
        if (value == null && !required) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject object)) {
            throw new Invalid(field, "must be an object");
        }
        return Optional.of(object);
    }
}
