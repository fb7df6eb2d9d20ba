package dev.waymark.protocol;

import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.Decision;
import dev.waymark.protocol.action.DecisionBundle;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.StoreLink;
import dev.waymark.protocol.internal.StrictRecordCodec;

import java.util.Map;

/**
 * The strict codec for the contract records that are not events: {@link Action}, {@link Decision},
 * {@link DecisionBundle}, {@link DeviceConfig} and {@link StoreLink}. Same rules as {@link EventCodec}: JSON-P
 * first, unknown or missing properties and wrong types rejected naming the field, then Yasson binds. Decoding never
 * throws on input. Thread-safe; create one and reuse it.
 */
public final class ContractCodec {

    private static final Map<Class<?>, Integer> BYTE_LIMITS = Map.of(
            Action.class, Limits.MAX_RECORD_BYTES,
            Decision.class, Limits.MAX_RECORD_BYTES,
            DeviceConfig.class, Limits.MAX_RECORD_BYTES,
            StoreLink.class, Limits.MAX_RECORD_BYTES,
            DecisionBundle.class, Limits.MAX_BUNDLE_BYTES);

    private final StrictRecordCodec codec = new StrictRecordCodec();

    private ContractCodec() {
    }

    /** A codec with the limits of {@link Limits}. */
    public static ContractCodec create() {
        return new ContractCodec();
    }

    /**
     * Reads one contract record of {@code type} from UTF-8 JSON. Throws IllegalArgumentException only when
     * {@code type} is not one of the contract records (a programming error, not an input problem).
     */
    public <T extends Record> Decoded<T> decode(byte[] json, Class<T> type) {
        return codec.decode(json, type, limitOf(type));
    }

    /** Writes a contract record as UTF-8 JSON; throws IllegalArgumentException for another type or over the limit. */
    public byte[] encode(Record value) {
        return codec.encode(value, limitOf(value.getClass()));
    }

    private static int limitOf(Class<?> type) {
        Integer limit = BYTE_LIMITS.get(type);
        if (limit == null) {
            throw new IllegalArgumentException("not a contract record: " + type.getName());
        }
        return limit;
    }
}
