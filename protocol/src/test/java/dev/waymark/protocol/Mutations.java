package dev.waymark.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small edits of valid JSON that a fuzzer would make: flip, insert, delete, duplicate, splice a token. */
final class Mutations {

    static final int KINDS = 6;
    private static final String[] TOKENS = {"null", "{", "}", "[", "]", "\"", ",", ":", "1e999", "-0", "\\u0000",
        "\"data\":{}", "\"wmseq\":-1", "true", "\uD83D", "\"specversion\":\"0.3\""};

    private Mutations() {
    }

    /** Applies one edit {kind, position, value}; the position wraps around the input. */
    static byte[] apply(byte[] bytes, int[] edit) {
        int at = bytes.length == 0 ? 0 : Math.floorMod(edit[1], bytes.length);
        byte value = (byte) edit[2];
        switch (edit[0]) {
            case 0:
                if (bytes.length > 0) {
                    bytes = bytes.clone();
                    bytes[at] = value;
                }
                return bytes;
            case 1:
                return splice(bytes, at, 0, new byte[] {value});
            case 2:
                return bytes.length == 0 ? bytes : splice(bytes, at, 1, new byte[0]);
            case 3:
                return splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + (value & 0xFF))));
            case 4:
                return splice(bytes, at, 0, TOKENS[(edit[2] & 0xFF) % TOKENS.length].getBytes(StandardCharsets.UTF_8));
            default:
                return splice(bytes, at, Math.min(bytes.length - at, 1 + (value & 7)),
                        TOKENS[(edit[2] & 0xFF) % TOKENS.length].getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code [event,event]}: the same bytes seen by the batch reader. */
    static byte[] wrapInArray(byte[] event) {
        byte[] out = new byte[event.length * 2 + 3];
        out[0] = '[';
        System.arraycopy(event, 0, out, 1, event.length);
        out[event.length + 1] = ',';
        System.arraycopy(event, 0, out, event.length + 2, event.length);
        out[out.length - 1] = ']';
        return out;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }
}
