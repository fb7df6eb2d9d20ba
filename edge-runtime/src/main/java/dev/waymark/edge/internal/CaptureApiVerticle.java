package dev.waymark.edge.internal;

import dev.waymark.edge.CaptureResult;
import dev.waymark.edge.EdgeStatus;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Limits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The kiosk UI's localhost API: {@code POST /v1/events} (one capture or an array), {@code GET /v1/status}, the
 * WebSocket {@code /v1/ws} on which the UI sends captures and receives actions, {@code GET /v1/decisions/{id}} (the
 * screen's "why" link), and the reference kiosk screen under {@code /kiosk/}. A capture is answered only after its
 * SQLite commit. Listens on 127.0.0.1 only; every answer carries a same-origin-only Content-Security-Policy.
 */
final class CaptureApiVerticle extends VerticleBase {

    // Json.createObjectBuilder looks the provider up through ServiceLoader on every call; look it up once.
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String HOST = "127.0.0.1";
    // The screen loads its scripts, styles and data from this origin and talks to its WebSocket; nothing else.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    private static final String STORAGE_FAILED = "not stored: the kiosk's storage failed";
    private static final System.Logger LOG = System.getLogger(CaptureApiVerticle.class.getName());

    private final int port;
    private final Function<JsonValue, CompletableFuture<CaptureResult>> capture;
    private final Supplier<EdgeStatus> status;
    private final ActionDisplay display;
    private final KioskAssets screen;
    private final ExplanationRoute explanations;
    private HttpServer server;

    CaptureApiVerticle(int port, Function<JsonValue, CompletableFuture<CaptureResult>> capture,
                       Supplier<EdgeStatus> status, ActionDisplay display, KioskAssets screen,
                       ExplanationRoute explanations) {
        this.port = port;
        this.capture = capture;
        this.status = status;
        this.display = display;
        this.screen = screen;
        this.explanations = explanations;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(CaptureApiVerticle::strictHeaders);
        router.post("/v1/events").handler(BodyHandler.create(false).setBodyLimit(Limits.MAX_BATCH_BYTES))
                .handler(this::events);
        router.get("/v1/status").handler(ctx -> ctx.response().putHeader("content-type", "application/json")
                .end(StatusJson.of(status.get())));
        router.get(ExplanationRoute.PATH).handler(explanations::handle);
        screen.route(router);
        // The body handler fails an oversize request with 413; answer it in our refusal shape, not Vert.x's log.
        router.route().failureHandler(this::failed);
        HttpServerOptions options = new HttpServerOptions().setHost(HOST).setPort(port)
                .setMaxWebSocketMessageSize(Limits.MAX_BATCH_BYTES).setTcpNoDelay(true);
        server = vertx.createHttpServer(options).webSocketHandler(this::screen).requestHandler(router);
        return server.listen();
    }

    int actualPort() {
        return server.actualPort();
    }

    private void events(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        Decoded<JsonValue> json = CaptureJson.read(body == null ? new byte[0] : body.getBytes());
        if (json instanceof Decoded.Rejected<JsonValue> r) {
            reply(ctx, 400, refusal(r.rejection().field(), r.rejection().reason()));
            return;
        }
        Future.fromCompletionStage(capture.apply(json.orElseThrow()), context).onComplete(done -> {
            if (done.failed()) {
                LOG.log(Level.ERROR, "capture not stored: " + done.cause().getMessage());
                reply(ctx, 500, refusal("$", STORAGE_FAILED));
            } else if (done.result() instanceof CaptureResult.Refused refused) {
                reply(ctx, httpStatus(refused.refusal()), refusal(refused.rejection().field(),
                        refused.rejection().reason()));
            } else {
                reply(ctx, 200, stored((CaptureResult.Stored) done.result()));
            }
        });
    }

    private void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            reply(ctx, 413, refusal("$", "body is over " + Limits.MAX_BATCH_BYTES + " bytes"));
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            reply(ctx, ctx.statusCode(), refusal("$", "request refused"));
        } else {
            LOG.log(Level.ERROR, "capture API failed: " + (ctx.failure() == null ? ctx.statusCode()
                    : ctx.failure().getClass().getSimpleName()));
            reply(ctx, 500, refusal("$", STORAGE_FAILED));
        }
    }

    private void screen(ServerWebSocket socket) {
        if (!"/v1/ws".equals(socket.path())) {
            socket.close((short) 1008, "unknown path");
            return;
        }
        display.add(socket);
        socket.textMessageHandler(text -> {
            Decoded<JsonValue> json = CaptureJson.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (json instanceof Decoded.Rejected<JsonValue> r) {
                socket.writeTextMessage(withKind("refused", refusal(r.rejection().field(), r.rejection().reason())));
                return;
            }
            Future.fromCompletionStage(capture.apply(json.orElseThrow()), context).onComplete(done -> {
                if (done.failed()) {
                    socket.writeTextMessage(withKind("refused", refusal("$", STORAGE_FAILED)));
                } else if (done.result() instanceof CaptureResult.Refused refused) {
                    socket.writeTextMessage(withKind("refused", refusal(refused.rejection().field(),
                            refused.rejection().reason())));
                } else {
                    socket.writeTextMessage(withKind("stored", stored((CaptureResult.Stored) done.result())));
                }
            });
        });
    }

    private static void strictHeaders(RoutingContext ctx) {
        ctx.response().headers().set("content-security-policy", CONTENT_SECURITY_POLICY)
                .set("x-content-type-options", "nosniff").set("x-frame-options", "DENY")
                .set("referrer-policy", "no-referrer").set("cache-control", "no-store");
        ctx.next();
    }

    static int httpStatus(CaptureResult.Refusal refusal) {
        return switch (refusal) {
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case BUSY -> 503;
            case OVER_QUOTA -> 507;
        };
    }

    private static JsonObject refusal(String field, String reason) {
        return JSON.createObjectBuilder().add("field", field).add("reason", reason).build();
    }

    private static JsonObject stored(CaptureResult.Stored stored) {
        JsonArrayBuilder events = JSON.createArrayBuilder();
        for (CaptureResult.StoredEvent event : stored.events()) {
            events.add(JSON.createObjectBuilder().add("id", event.id()).add("sequence", event.sequence())
                    .add("type", event.type()));
        }
        return JSON.createObjectBuilder().add("events", events).build();
    }

    private static String withKind(String kind, JsonObject body) {
        return JSON.createObjectBuilder(body).add("kind", kind).build().toString();
    }

    private static void reply(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toString());
    }
}
