package dev.waymark.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * A Waymark event: a CloudEvents 1.0 envelope around a typed {@link Payload}. On the wire it is structured-mode
 * JSON with {@code specversion "1.0"}, {@code datacontenttype "application/json"} and the extension attribute
 * {@code wmseq} carrying {@link #sequence()}; {@link EventCodec} reads and writes it.
 *
 * <p>The payload is always in its type's current schema version: older versions are upcast when decoded, so
 * {@link #dataschema()} always equals {@code type().dataschema()}. The dedup key is {@code source + id}.
 *
 * @param id         a ULID for device sources; for web/app, the SDK's messageId (1 to 100 characters)
 * @param source     {@code wm:/s/{store}/d/{device}} or {@code wm:/web/{writeKey}}, see {@link Source}
 * @param type       the catalog name of the payload's type, e.g. {@code wm.kiosk.cart_add}
 * @param time       capture time on the device's clock
 * @param sequence   the device's sequence number, 0 or more; always 0 for web/app sources
 * @param dataschema the payload's schema, e.g. {@code wm:schema/wm.kiosk.cart_add/2}
 * @param data       the payload
 */
public record CloudEvent(String id, String source, String type, Instant time, long sequence, String dataschema,
                         Payload data) {

    /** The only CloudEvents version spoken. */
    public static final String SPEC_VERSION = "1.0";
    /** The {@code datacontenttype} of every event. */
    public static final String DATA_CONTENT_TYPE = "application/json";
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * Validates the envelope: throws IllegalArgumentException (or NullPointerException) naming the attribute when
     * the id, source, type, dataschema or sequence does not fit the rules above.
     */
    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataschema, "dataschema");
        Objects.requireNonNull(data, "data");
        Source parsed = Source.parse(source);
        if (parsed.isDevice() && !Ulid.isValid(id)) {
            throw new IllegalArgumentException("id: a device event's id must be a canonical ULID");
        }
        if (id.isEmpty() || id.length() > Limits.MAX_ID_CHARS) {
            throw new IllegalArgumentException("id: must be 1 to " + Limits.MAX_ID_CHARS + " characters");
        }
        EventType eventType = EventCatalog.of(data.getClass());
        if (!eventType.name().equals(type)) {
            throw new IllegalArgumentException("type: " + type + " does not match payload type " + eventType.name());
        }
        if (!eventType.dataschema().equals(dataschema)) {
            throw new IllegalArgumentException("dataschema: must be " + eventType.dataschema());
        }
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new IllegalArgumentException("time: must be within the years 0000 to 9999 (RFC 3339)");
        }
        if (sequence < 0 || (!parsed.isDevice() && sequence != 0)) {
            throw new IllegalArgumentException("wmseq: must be 0 or more for a device and 0 for web/app");
        }
    }

    /** An event whose type and dataschema are derived from the payload; validates as the constructor does. */
    public static CloudEvent of(String id, Source source, Instant time, long sequence, Payload data) {
        EventType type = EventCatalog.of(Objects.requireNonNull(data, "data").getClass());
        return new CloudEvent(id, source.format(), type.name(), time, sequence, type.dataschema(), data);
    }

    /** The device event with a ULID id; see {@link #of(String, Source, Instant, long, Payload)}. */
    public static CloudEvent of(Ulid id, Source source, Instant time, long sequence, Payload data) {
        return of(id.value(), source, time, sequence, data);
    }

    /** The parsed {@link #source()}. */
    public Source parsedSource() {
        return Source.parse(source);
    }

    /** The catalog entry of {@link #type()}. */
    public EventType eventType() {
        return EventCatalog.of(data.getClass());
    }

    /** The payload cast to its record class; throws ClassCastException when it is another type. */
    public <P extends Payload> P dataAs(Class<P> payloadClass) {
        return payloadClass.cast(data);
    }
}
