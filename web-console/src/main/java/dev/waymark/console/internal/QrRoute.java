package dev.waymark.console.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Rejection;
import dev.waymark.provisioning.EnrollmentQr;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * {@code POST /console/qr {"qr": "<payload>"}}: the enrollment QR code of a token the browser just received, as
 * SVG. Only Waymark enrollment payloads are drawn, so this is no general-purpose image service; nothing is stored
 * or logged (the payload holds the token).
 */
final class QrRoute {

    /** A payload is a URL, a token and a fingerprint: well under a kilobyte. */
    static final int BODY_LIMIT = 4096;

    private QrRoute() {
    }

    static void handle(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            ConsoleErrors.send(context, 400, "Content-Type", "must be application/json");
            return;
        }
        Object qr;
        try {
            JsonObject body = context.body().asJsonObject();
            qr = body == null ? null : body.getValue("qr");
        } catch (DecodeException | ClassCastException e) {
            ConsoleErrors.send(context, 400, "body", "must be a JSON object");
            return;
        }
        if (!(qr instanceof String payload)) {
            ConsoleErrors.send(context, 400, "qr", "is required, the qr field of an enrollment token");
            return;
        }
        Decoded<EnrollmentQr> decoded = EnrollmentQr.parse(payload);
        if (decoded.rejectionIfAny().isPresent()) {
            Rejection rejection = decoded.rejectionIfAny().get();
            ConsoleErrors.send(context, 400, "qr", rejection.message());
            return;
        }
        context.response().putHeader("Content-Type", "image/svg+xml").end(QrImage.svg(payload));
    }
}
