package dev.waymark.provisioning;

import dev.waymark.provisioning.internal.AttemptLimiter;
import dev.waymark.provisioning.internal.EnrollmentService;
import dev.waymark.provisioning.internal.RouteHandlers;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;

/**
 * The provisioning HTTP API as a Vert.x {@link Router}, for the standalone {@link ProvisioningVerticle} and for
 * the cloud core to mount under {@link #MOUNT_POINT}. Serve it over HTTPS only, with client authentication
 * <em>requested</em> (not required) and {@link DeviceTrust#forDevices} as trust manager: renewal reads the
 * device certificate from the connection. Routes (JSON unless noted):
 * <ul>
 *   <li>{@code POST /tokens} {store, role} — authorised by {@link StoreAccess}; 201 with the token and QR payload</li>
 *   <li>{@code POST /enroll} {token, role, csr, serverCsr (hubs), softwareVersion} — rate limited per address</li>
 *   <li>{@code POST /renew} {csr, softwareVersion} — authenticated by the current client certificate</li>
 *   <li>{@code GET /devices?store=}, {@code POST /devices/{id}/revoke}, {@code POST /devices/{id}/replace}</li>
 *   <li>{@code GET /crl} (DER X.509 CRL), {@code GET /revocations?since=N} (change feed), {@code GET /ca} (PEM)</li>
 * </ul>
 * Errors are {@code {"error":{"field":…,"reason":…}}} with status 400, 401, 403, 404, 409 or 429.
 */
public final class ProvisioningRoutes {

    /** Where the standalone service mounts the routes; the cloud core should use the same. */
    public static final String MOUNT_POINT = "/provisioning/v1";

    // Two CSRs and a token fit in 16 KiB with room to spare; anything larger is not an enrollment.
    private static final long BODY_LIMIT = 16 * 1024;

    private ProvisioningRoutes() {
    }

    /** The router; {@code registry} is called on worker threads only. */
    public static Router create(Vertx vertx, DeviceCa ca, DeviceRegistry registry, StoreAccess access,
                                ProvisioningSettings settings, Clock clock) {
        EnrollmentService service = new EnrollmentService(ca, registry, settings, clock);
        AttemptLimiter limiter = new AttemptLimiter(settings.maxFailedAttempts(), settings.failureWindow(), clock);
        RouteHandlers handlers = new RouteHandlers(vertx, service, registry, ca, access, settings, limiter);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.post("/tokens").handler(handlers::createToken);
        router.post("/enroll").handler(handlers::enroll);
        router.post("/renew").handler(handlers::renew);
        router.get("/devices").handler(handlers::devices);
        router.post("/devices/:id/revoke").handler(handlers::revoke);
        router.post("/devices/:id/replace").handler(handlers::replace);
        router.get("/crl").handler(handlers::crl);
        router.get("/revocations").handler(handlers::revocations);
        router.get("/ca").handler(handlers::caCertificate);
        router.route().failureHandler(handlers::failure);
        return router;
    }
}
