package dev.waymark.cloud.internal.collector;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.collector.CallIntake.Intake;
import dev.waymark.cloud.internal.collector.CollectorMetrics.Reason;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.GlobalPrivacyControl;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web/app collector, compatible with Segment's HTTP Tracking API: {@code POST /v1/track}, {@code /v1/identify},
 * {@code /v1/page}, {@code /v1/screen}, {@code /v1/alias} and {@code /v1/batch}, authenticated by write key only.
 * Each call becomes a masked {@code wm.web.*} CloudEvent; a request is answered 200 {@code {"success": true}} only
 * once all its events are durable in the {@link EventLog}, and is otherwise refused as a whole (see
 * {@code docs/collector.md}).
 */
public final class CollectorRoutes {

    private static final Logger LOG = Logger.getLogger(CollectorRoutes.class.getName());

    private final Vertx vertx;
    private final EventLog log;
    private final WriteKeys writeKeys;
    private final Clock clock;
    private final CollectorMetrics metrics;
    private final RequestJson requestJson = new RequestJson();
    private final CallIntake intake;

    /** A collector appending to {@code log}, accepting {@code writeKeys}, masking with {@code masker}. */
    public CollectorRoutes(Vertx vertx, EventLog log, WriteKeys writeKeys, EventMasker masker, MeterRegistry registry,
                           Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.log = Objects.requireNonNull(log, "log");
        this.writeKeys = Objects.requireNonNull(writeKeys, "writeKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new CollectorMetrics(Objects.requireNonNull(registry, "registry"));
        UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
        this.intake = new CallIntake(new WebEvents(EventCodec.create(), Objects.requireNonNull(masker, "masker"), ids));
    }

    /** Mounts the six endpoints, each with its own body limit (32 KB per call, 500 KB per batch) and CORS. */
    public void mount(Router router) {
        for (CallType call : CallType.values()) {
            mount(router, "/v1/" + call.callName(), Limits.MAX_EVENT_BYTES,
                    (body, receipt) -> intake.single(body, call, receipt));
        }
        mount(router, "/v1/batch", Limits.MAX_BATCH_BYTES, intake::batch);
    }

    private interface Reading {
        Decoded<Intake> read(JsonObject body, Receipt receipt);
    }

    private void mount(Router router, String path, int bodyLimit, Reading reading) {
        // Browsers post from the shop's pages, so the answer must be readable cross-origin; write keys are public.
        router.route(path).handler(CorsHandler.create().allowedMethod(HttpMethod.POST)
                .allowedHeader("Content-Type").allowedHeader("Authorization"));
        router.post(path)
                .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                .handler(context -> handle(context, reading))
                .failureHandler(context -> failed(context, bodyLimit));
    }

    private void handle(RoutingContext context, Reading reading) {
        Buffer buffer = context.body().buffer();
        Decoded<JsonObject> body = requestJson.read(buffer == null ? new byte[0] : buffer.getBytes());
        if (body instanceof Decoded.Rejected<JsonObject> rejected) {
            metrics.rejected(Reason.MALFORMED, 1);
            CollectorReplies.refuse(context, 400, "malformed", rejected.rejection());
            return;
        }
        Decoded<String> writeKey = WriteKeyCredential.of(context.request().getHeader("Authorization"),
                body.orElseThrow());
        if (writeKey instanceof Decoded.Rejected<String> rejected) {
            unauthorized(context, rejected.rejection());
            return;
        }
        String gpcHeader = context.request().getHeader("Sec-GPC");
        Receipt receipt = Receipt.single(writeKey.orElseThrow(),
                gpcHeader != null && GlobalPrivacyControl.fromHeader(gpcHeader).enabled(), clock.instant());
        writeKeys.isValid(receipt.writeKey()).onComplete(valid -> {
            if (valid.failed()) {
                unavailable(context, "write keys", valid.cause());
            } else if (!Boolean.TRUE.equals(valid.result())) {
                unauthorized(context, Rejection.of("writeKey", "is not a valid write key"));
            } else {
                // Parsing, masking (an HMAC per identifier) and encoding up to 500 KB is kept off the event loop.
                vertx.executeBlocking(() -> reading.read(body.orElseThrow(), receipt), false)
                        .onComplete(read -> {
                            if (read.failed()) {
                                defect(context, read.cause());
                            } else {
                                append(context, read.result());
                            }
                        });
            }
        });
    }

    private void append(RoutingContext context, Decoded<Intake> read) {
        if (read instanceof Decoded.Rejected<Intake> rejected) {
            Rejection rejection = rejected.rejection();
            metrics.rejected(SizeLimit.isTooLarge(rejection) ? Reason.TOO_LARGE : Reason.INVALID, 1);
            CollectorReplies.refuse(context, 400, "invalid", rejection);
            return;
        }
        Intake accepted = read.orElseThrow();
        metrics.rejected(Reason.DUPLICATE, accepted.duplicates());
        metrics.rejected(Reason.UNSUPPORTED_TYPE, accepted.unsupported());
        Future<Void> appended = log.append(accepted.events().stream()
                .map(event -> new EventLog.Entry(event.key(), event.bytes())).toList());
        appended.onComplete(done -> {
            if (done.failed()) {
                unavailable(context, "event log", done.cause());
                return;
            }
            accepted.events().forEach(event -> metrics.accepted(event.type()));
            CollectorReplies.ok(context);
        });
    }

    private void unauthorized(RoutingContext context, Rejection rejection) {
        metrics.rejected(Reason.UNAUTHORIZED, 1);
        // "unauthenticated", as the guard of every other route says it.
        CollectorReplies.refuse(context, 401, "unauthenticated", rejection);
    }

    private void unavailable(RoutingContext context, String what, Throwable cause) {
        LOG.log(Level.WARNING, "collector: " + what + " unavailable: " + cause.getClass().getSimpleName());
        metrics.rejected(Reason.UNAVAILABLE, 1);
        // 503: Segment's SDKs retry 5xx answers, and nothing of the request was kept.
        CollectorReplies.refuse(context, 503, "unavailable", "the " + what + " is unavailable; try again");
    }

    private void defect(RoutingContext context, Throwable cause) {
        // The class and place only: a message could quote the input.
        LOG.log(Level.SEVERE, "collector defect: " + cause.getClass().getName() + " at "
                + (cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : "?"));
        metrics.rejected(Reason.DEFECT, 1);
        CollectorReplies.refuse(context, 500, "internal", "the request could not be processed");
    }

    private void failed(RoutingContext context, int bodyLimit) {
        if (context.statusCode() == 413) {
            // Segment answers an oversize payload with 400 Bad Request, so SDKs drop it instead of retrying.
            metrics.rejected(Reason.TOO_LARGE, 1);
            CollectorReplies.refuse(context, 400, "invalid", Rejection.of("$",
                    SizeLimit.tooLarge("the body is larger than " + bodyLimit + " bytes")));
        } else if (context.failure() != null) {
            defect(context, context.failure());
        } else {
            metrics.rejected(Reason.MALFORMED, 1);
            CollectorReplies.refuse(context, context.statusCode() > 0 ? context.statusCode() : 400, "invalid",
                    "the request could not be read");
        }
    }
}
