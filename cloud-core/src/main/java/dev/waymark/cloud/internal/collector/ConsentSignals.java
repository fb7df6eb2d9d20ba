package dev.waymark.cloud.internal.collector;

import dev.waymark.privacy.TcfConsent;
import dev.waymark.privacy.TcfDecoding;
import dev.waymark.protocol.Decoded;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Puts a request's consent signals where the consent part reads them: {@code context.gpc = true} for a
 * {@code Sec-GPC: 1} header (only the header counts, so a page cannot claim or withdraw it in the body), and a valid
 * IAB TCF v2 string from {@code context.consent.tcString} or {@code context.tcString} as {@code context.tcString}.
 */
final class ConsentSignals {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ConsentSignals() {
    }

    /** The context with the signals set, or a refusal naming the TC string that does not decode. */
    static Decoded<JsonObject> apply(JsonObject context, boolean gpc) {
        String field = "context.tcString";
        JsonValue tcString = context.get("tcString");
        JsonValue consent = context.get("consent");
        if (consent != null && consent.getValueType() == JsonValue.ValueType.OBJECT
                && consent.asJsonObject().containsKey("tcString")) {
            field = "context.consent.tcString";
            tcString = consent.asJsonObject().get("tcString");
        }
        JsonObjectBuilder out = JSON.createObjectBuilder(context).remove("gpc");
        if (gpc) {
            out.add("gpc", true);
        }
        if (tcString != null && tcString.getValueType() != JsonValue.ValueType.NULL) {
            if (tcString.getValueType() != JsonValue.ValueType.STRING) {
                return Decoded.rejected(field, "must be a string");
            }
            TcfDecoding decoding = TcfConsent.decode(((JsonString) tcString).getString());
            if (decoding instanceof TcfDecoding.Rejected rejected) {
                return Decoded.rejected(field, withoutFieldName(rejected.reason()));
            }
            out.add("tcString", ((TcfDecoding.Decoded) decoding).consent().tcString());
        }
        return Decoded.accepted(out.build());
    }

    // consent-pii names its own parameter ("tcString: ..."); the caller needs the path inside the call instead.
    private static String withoutFieldName(String reason) {
        return reason.startsWith("tcString: ") ? reason.substring("tcString: ".length()) : reason;
    }
}
