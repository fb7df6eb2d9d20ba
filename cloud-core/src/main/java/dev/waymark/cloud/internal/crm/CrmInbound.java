package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.decision.outbox.WebhookSignature;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/crm/inbound}: the CRM's webhook, authenticated by {@code X-Waymark-Signature} over
 * {@code X-Waymark-Timestamp} + "." + body with {@code crm.inboundSecret}, the timestamp within
 * {@code crm.inboundWindowSeconds} of the cloud's clock. Traits are stored at once; a service case becomes a
 * {@code wm.web.track} event ("Service Requested" or "Service Resolved" with its topic) appended to the event log,
 * so the pipeline opens or closes the profile's service journey in order with its other events, and an open one
 * suppresses sales. A delivery id seen before is acknowledged and ignored.
 */
final class CrmInbound {

    private static final Logger LOG = Logger.getLogger(CrmInbound.class.getName());

    private final Vertx vertx;
    private final Store store;
    private final EventLog log;
    private final CrmSettings settings;
    private final ProfileTraits traits;
    private final Optional<WebhookSignature> signature;
    private final ServiceCaseEvents caseEvents;
    private final Clock clock;

    private record Plan(boolean duplicate, Optional<String> profileId, Optional<Identifier> webIdentity) {
    }

    CrmInbound(Vertx vertx, Store store, EventLog log, CrmSettings settings, ProfileTraits traits, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.log = log;
        this.settings = settings;
        this.traits = traits;
        this.signature = settings.inboundSecret().map(WebhookSignature::new);
        this.caseEvents = new ServiceCaseEvents();
        this.clock = clock;
    }

    void mount(Router router) {
        router.post("/v1/crm/inbound").handler(this::receive);
    }

    private void receive(RoutingContext context) {
        if (signature.isEmpty()) {
            ApiErrors.send(context, 503, "unavailable", "the CRM webhook is off: set " + CrmSettings.INBOUND_SECRET);
            return;
        }
        String body = context.body().asString() == null ? "" : context.body().asString();
        Optional<String> refused = authenticate(context, body);
        if (refused.isPresent()) {
            ApiErrors.send(context, 401, "unauthenticated", refused.get());
            return;
        }
        InboundChange change;
        try {
            change = InboundChange.read(body, settings.traits());
        } catch (InboundChange.Invalid invalid) {
            ApiErrors.field(context, 400, invalid.field, invalid.reason);
            return;
        }
        store.read(c -> plan(c, change)).compose(plan -> apply(context, change, plan)).onFailure(failure -> {
            LOG.log(Level.WARNING, "CRM delivery not applied: " + failure.getClass().getSimpleName());
            ApiErrors.send(context, 503, "unavailable", "the change could not be stored; retry");
        });
    }

    private Optional<String> authenticate(RoutingContext context, String body) {
        String timestamp = context.request().getHeader(WebhookSignature.TIMESTAMP);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of(WebhookSignature.TIMESTAMP + ": missing or not epoch seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > settings.inboundWindow().toSeconds()) {
            return Optional.of(WebhookSignature.TIMESTAMP + ": outside the replay window of "
                    + settings.inboundWindow().toSeconds() + " s");
        }
        if (!signature.get().verify(seconds, body, context.request().getHeader(WebhookSignature.SIGNATURE))) {
            return Optional.of(WebhookSignature.SIGNATURE + ": does not match the body and timestamp");
        }
        return Optional.empty();
    }

    private Plan plan(Connection c, InboundChange change) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM crm_inbound WHERE id = ?")) {
            select.setString(1, change.id());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new Plan(true, Optional.empty(), Optional.empty());
                }
            }
        }
        Optional<String> profileId = ProfileDirectory.find(c, change.contact());
        Optional<Identifier> web = change.contact().namespace().equals("crm") ? Optional.of(change.contact())
                : profileId.isEmpty() ? Optional.empty() : webIdentity(ProfileDirectory.identities(c, profileId.get()));
        return new Plan(false, profileId, web);
    }

    /** The identifier a web event of the profile carries: its crm id, else a cookie. */
    private static Optional<Identifier> webIdentity(JsonArray identities) {
        for (String namespace : List.of("crm", "cookie")) {
            for (Object item : identities) {
                JsonObject identity = (JsonObject) item;
                if (namespace.equals(identity.getString("namespace"))) {
                    return Optional.of(new Identifier(namespace, identity.getString("value")));
                }
            }
        }
        return Optional.empty();
    }

    private Future<Void> apply(RoutingContext context, InboundChange change, Plan plan) {
        if (plan.duplicate()) {
            reply(context, new JsonObject().put("id", change.id()).put("duplicate", true));
            return Future.succeededFuture();
        }
        if (!change.traits().isEmpty() && plan.profileId().isEmpty()) {
            ApiErrors.field(context, 404, "not_found", "contact", "no profile holds " + change.contact().namespace()
                    + " " + change.contact().value());
            return Future.succeededFuture();
        }
        if (change.serviceCase().isPresent() && plan.webIdentity().isEmpty()) {
            ApiErrors.field(context, 404, "not_found", "contact", "no profile with a crm or cookie identifier holds "
                    + change.contact().namespace() + " " + change.contact().value());
            return Future.succeededFuture();
        }
        Instant now = clock.instant();
        // The event first: a redelivery after a failed write appends it again, and the pipeline drops the repeat.
        // It is built on a worker: the strict codec's first reads of a type are slow, as for the collector.
        Future<Void> appended = change.serviceCase().isEmpty() ? Future.succeededFuture()
                : vertx.executeBlocking(() -> caseEvents.entry(change.id(), change.serviceCase().get(),
                        plan.webIdentity().get(), now), false).compose(entry -> log.append(List.of(entry)));
        return appended.compose(done -> store.<Void>write(c -> {
            record(c, change.id(), now);
            if (plan.profileId().isPresent()) {
                for (Map.Entry<String, Optional<String>> trait : change.traits().entrySet()) {
                    if (trait.getValue().isPresent()) {
                        traits.set(c, plan.profileId().get(), trait.getKey(), trait.getValue().get(), now);
                    } else {
                        traits.remove(c, plan.profileId().get(), trait.getKey());
                    }
                }
            }
            return null;
        })).onSuccess(done -> {
            JsonObject answer = new JsonObject().put("id", change.id()).put("duplicate", false)
                    .put("traits", change.traits().size())
                    .put("case", change.serviceCase().map(c -> c.open() ? "opened" : "closed").orElse("none"));
            plan.profileId().ifPresent(profile -> answer.put("profileId", profile));
            reply(context, answer);
        });
    }

    private static void record(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO crm_inbound (id, received_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, id);
            insert.setLong(2, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static void reply(RoutingContext context, JsonObject body) {
        context.response().putHeader("content-type", "application/json").end(body.encode());
    }
}
