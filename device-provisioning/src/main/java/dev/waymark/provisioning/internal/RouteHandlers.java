package dev.waymark.provisioning.internal;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.AccessForbidden;
import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.DeviceRegistry;
import dev.waymark.provisioning.EnrollmentQr;
import dev.waymark.provisioning.ProvisioningSettings;
import dev.waymark.provisioning.StoreAccess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The HTTP face of {@link EnrollmentService}: parse on the event loop, decide on a worker, answer JSON. */
public final class RouteHandlers {

    private static final System.Logger LOG = System.getLogger(RouteHandlers.class.getName());
    private static final int FEED_PAGE = 500;

    private final Vertx vertx;
    private final EnrollmentService service;
    private final DeviceRegistry registry;
    private final DeviceCa ca;
    private final StoreAccess access;
    private final ProvisioningSettings settings;
    private final AttemptLimiter limiter;

    public RouteHandlers(Vertx vertx, EnrollmentService service, DeviceRegistry registry, DeviceCa ca,
                         StoreAccess access, ProvisioningSettings settings, AttemptLimiter limiter) {
        this.vertx = vertx;
        this.service = service;
        this.registry = registry;
        this.ca = ca;
        this.access = access;
        this.settings = settings;
        this.limiter = limiter;
    }

    /** POST /tokens {store, role}. */
    public void createToken(RoutingContext context) {
        JsonObject body = body(context);
        String store = required(body, "store");
        DeviceRole role = role(required(body, "role"));
        access.authorize(context, store)
                .compose(actor -> blocking(() -> service.createToken(actor, store, role)))
                .onSuccess(token -> Responses.send(context, 201, tokenJson(token)))
                .onFailure(context::fail);
    }

    /** POST /enroll {token, role, csr, serverCsr?, softwareVersion}. */
    public void enroll(RoutingContext context) {
        String caller = context.request().remoteAddress().hostAddress();
        if (limiter.isBlocked(caller)) {
            blocking(() -> {
                service.audit(caller, "enroll", "-", "refused: rate limited");
                return null;
            }).onComplete(done -> Responses.error(context, 429, "token", "too many failed attempts; wait and retry"));
            return;
        }
        JsonObject body = body(context);
        EnrollRequest request = new EnrollRequest(required(body, "token"), role(required(body, "role")),
                required(body, "csr"), Optional.ofNullable(body.getString("serverCsr")),
                Optional.ofNullable(body.getString("softwareVersion")).orElse("unknown"));
        blocking(() -> service.enroll(caller, request))
                .onSuccess(enrolled -> Responses.send(context, 200,
                        Responses.enrolled(enrolled, Optional.of(settings.pseudonymizationKey()))))
                .onFailure(failure -> {
                    if (failure instanceof Refusal) {
                        limiter.failed(caller);
                    }
                    context.fail(failure);
                });
    }

    /** POST /renew {csr, softwareVersion}, authenticated by the client certificate of the TLS connection. */
    public void renew(RoutingContext context) {
        X509Certificate presented = peerCertificate(context);
        JsonObject body = body(context);
        String csr = required(body, "csr");
        String version = Optional.ofNullable(body.getString("softwareVersion")).orElse("unknown");
        blocking(() -> service.renew(presented, csr, version))
                .onSuccess(renewed -> Responses.send(context, 200, Responses.enrolled(renewed, Optional.empty())))
                .onFailure(context::fail);
    }

    /** GET /devices?store=. */
    public void devices(RoutingContext context) {
        String store = Optional.ofNullable(context.request().getParam("store"))
                .orElseThrow(() -> Refusal.invalid("store", "query parameter is required"));
        access.authorize(context, store)
                .compose(actor -> blocking(() -> registry.devices(store)))
                .onSuccess(devices -> Responses.send(context, 200, new JsonObject().put("devices",
                        new JsonArray(devices.stream().map(Responses::device).toList()))))
                .onFailure(context::fail);
    }

    /** POST /devices/:id/revoke. */
    public void revoke(RoutingContext context) {
        String deviceId = context.pathParam("id");
        authorizedForDevice(context, deviceId)
                .compose(actor -> blocking(() -> service.revoke(actor, deviceId)))
                .onSuccess(revocation -> Responses.send(context, 200, Responses.feed(List.of(revocation), 0)))
                .onFailure(context::fail);
    }

    /** POST /devices/:id/replace. */
    public void replace(RoutingContext context) {
        String deviceId = context.pathParam("id");
        authorizedForDevice(context, deviceId)
                .compose(actor -> blocking(() -> service.replace(actor, deviceId)))
                .onSuccess(token -> Responses.send(context, 201, tokenJson(token)))
                .onFailure(context::fail);
    }

    /** GET /crl: the signed revocation list, DER. */
    public void crl(RoutingContext context) {
        blocking(() -> service.revocationList().getEncoded())
                .onSuccess(der -> context.response().putHeader("Content-Type", "application/pkix-crl")
                        .putHeader("Cache-Control", "no-store").end(Buffer.buffer(der)))
                .onFailure(context::fail);
    }

    /** GET /revocations?since=N: the change feed. */
    public void revocations(RoutingContext context) {
        long since = longParam(context, "since");
        blocking(() -> registry.revocationsSince(since, FEED_PAGE))
                .onSuccess(page -> Responses.send(context, 200, Responses.feed(page, since)))
                .onFailure(context::fail);
    }

    /** GET /ca: the CA certificate, PEM. */
    public void caCertificate(RoutingContext context) {
        context.response().putHeader("Content-Type", "application/x-pem-file").end(Pem.certificate(ca.certificate()));
    }

    /** Turns failures into JSON errors; a bug is logged once and answered 500 without details. */
    public void failure(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof Refusal refusal) {
            Responses.error(context, refusal.status(), refusal.field(), refusal.reason());
        } else if (failure instanceof AccessForbidden) {
            Responses.error(context, 403, "authorization", failure.getMessage());
        } else if (failure instanceof SecurityException) {
            Responses.error(context, 401, "authorization", failure.getMessage());
        } else if (failure instanceof DecodeException) {
            Responses.error(context, 400, "body", "is not JSON");
        } else if (failure == null) {
            Responses.error(context, context.statusCode(), "request", "HTTP " + context.statusCode());
        } else {
            LOG.log(System.Logger.Level.ERROR, "provisioning request failed: " + context.request().path(), failure);
            Responses.error(context, 500, "server", "internal error");
        }
    }

    private Future<String> authorizedForDevice(RoutingContext context, String deviceId) {
        return blocking(() -> service.knownDevice(deviceId))
                .compose(device -> access.authorize(context, device.storeId()));
    }

    private JsonObject tokenJson(EnrollmentService.IssuedToken token) {
        String qr = new EnrollmentQr(settings.provisioningUrl(), token.token(), ca.fingerprint()).payload();
        return Responses.token(token, settings.provisioningUrl(), ca.fingerprint(), qr);
    }

    private <T> Future<T> blocking(Callable<T> work) {
        // Unordered: the registry serialises what must be, and one slow request must not queue all others.
        return vertx.executeBlocking(work, false);
    }

    private static X509Certificate peerCertificate(RoutingContext context) {
        try {
            if (!context.request().isSSL()) {
                throw Refusal.forbidden("certificate", "renewal needs TLS with the device certificate");
            }
            List<Certificate> chain = context.request().connection().peerCertificates();
            if (chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
                throw Refusal.forbidden("certificate", "renewal needs the device's current client certificate");
            }
            return leaf;
        } catch (SSLPeerUnverifiedException e) {
            throw Refusal.forbidden("certificate", "renewal needs the device's current client certificate");
        }
    }

    private static JsonObject body(RoutingContext context) {
        JsonObject body = context.body().asJsonObject();
        if (body == null) {
            throw Refusal.invalid("body", "a JSON object is required");
        }
        return body;
    }

    private static String required(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw Refusal.invalid(field, "is required (a string)");
        }
        return text;
    }

    private static DeviceRole role(String wire) {
        return switch (wire) {
            case "kiosk" -> DeviceRole.KIOSK;
            case "hub" -> DeviceRole.HUB;
            default -> throw Refusal.invalid("role", "must be kiosk or hub");
        };
    }

    private static long longParam(RoutingContext context, String name) {
        String value = Optional.ofNullable(context.request().getParam(name)).orElse("0");
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw Refusal.invalid(name, "must be >= 0");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, "must be a number");
        }
    }
}
