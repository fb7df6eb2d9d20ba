package dev.waymark.provisioning.internal;

import dev.waymark.protocol.ContractCodec;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.provisioning.Device;
import dev.waymark.provisioning.Revocation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** JSON shapes of the provisioning API (docs/provisioning.md shows them). */
public final class Responses {

    private static final ContractCodec CODEC = ContractCodec.create();

    private Responses() {
    }

    /** A device as listed. */
    public static JsonObject device(Device device) {
        return new JsonObject().put("id", device.id()).put("store", device.storeId())
                .put("role", device.role().name().toLowerCase(Locale.ROOT)).put("status", device.status().wireName())
                .put("certSerial", device.certSerial().orElse(null))
                .put("certExpiry", device.certExpiry().map(Object::toString).orElse(null))
                .put("lastSeen", device.lastSeen().map(Object::toString).orElse(null))
                .put("softwareVersion", device.softwareVersion().orElse(null));
    }

    /** A freshly created token with its QR payload. */
    public static JsonObject token(EnrollmentService.IssuedToken token, String url, String caFingerprint,
                                   String qrPayload) {
        return new JsonObject().put("token", token.token()).put("store", token.storeId())
                .put("role", token.role().name().toLowerCase(Locale.ROOT))
                .put("expiresAt", token.expiresAt().toString()).put("deviceId", token.deviceId().orElse(null))
                .put("url", url).put("caFingerprint", caFingerprint).put("qr", qrPayload);
    }

    /** An enrollment or renewal result; the pseudonymization key only on enrollment. */
    public static JsonObject enrolled(EnrollmentService.Enrolled enrolled, Optional<PseudonymizationKey> key) {
        JsonObject json = new JsonObject().put("device", device(enrolled.device()))
                .put("certificateChain", chain(enrolled.chain()))
                .put("config", new JsonObject(Buffer.buffer(CODEC.encode(enrolled.config()))));
        if (!enrolled.serverChain().isEmpty()) {
            json.put("serverCertificateChain", chain(enrolled.serverChain()));
        }
        key.ifPresent(k -> json.put("pseudonymizationKey", new JsonObject().put("keyId", k.keyId())
                .put("secret", Base64.getEncoder().encodeToString(k.secret()))));
        return json;
    }

    /** A revocation feed page. */
    public static JsonObject feed(List<Revocation> revocations, long since) {
        JsonArray entries = new JsonArray();
        long latest = since;
        for (Revocation r : revocations) {
            entries.add(new JsonObject().put("sequence", r.sequence()).put("deviceId", r.deviceId())
                    .put("store", r.storeId()).put("serial", r.serial()).put("revokedAt", r.revokedAt().toString())
                    .put("reason", r.reason()));
            latest = Math.max(latest, r.sequence());
        }
        return new JsonObject().put("revocations", entries).put("latest", latest);
    }

    /** Sends JSON with this status; never cached (responses may hold keys or tokens). */
    public static void send(RoutingContext context, int status, JsonObject body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    /** Sends an error naming the field. */
    public static void error(RoutingContext context, int status, String field, String reason) {
        send(context, status, new JsonObject().put("error", new JsonObject().put("field", field)
                .put("reason", reason)));
    }

    private static String chain(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(c -> pem.append(Pem.certificate(c)));
        return pem.toString();
    }
}
