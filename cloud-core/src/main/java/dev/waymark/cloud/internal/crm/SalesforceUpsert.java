package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.decision.outbox.Connector;
import dev.waymark.cloud.internal.decision.outbox.DeliveryFailure;
import dev.waymark.cloud.internal.decision.outbox.OutboxMessage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The Salesforce-style connector: a profile message upserts the contact by external id
 * ({@code PATCH {instance}/services/data/{version}/sobjects/{contactObject}/{contactKey}/{profileId}}), an activity
 * message upserts an activity by its message id, related to the contact by external id, and an erased profile
 * deletes the contact ({@code DELETE} on the same address; 404 is success). An upsert by key is
 * idempotent by itself, so a retried message changes the CRM once. A 401 fetches a new client-credentials token and
 * tries once more; other answers are classified as for the webhook.
 */
final class SalesforceUpsert implements Connector {

    private final WebClient http;
    private final SalesforceSettings settings;
    private final ClientCredentials tokens;
    private final Duration timeout;

    SalesforceUpsert(WebClient http, SalesforceSettings settings, ClientCredentials tokens, Duration timeout) {
        this.http = http;
        this.settings = settings;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    @Override
    public Future<Void> send(OutboxMessage outboxMessage) {
        CrmMessage message;
        try {
            message = CrmMessage.of(new JsonObject(outboxMessage.payload()));
        } catch (RuntimeException e) {
            return Future.failedFuture(DeliveryFailure.permanent("not a CRM message: " + e.getMessage()));
        }
        return tokens.token().compose(token -> upsert(token, message).compose(response -> {
            if (response.statusCode() != 401) {
                return Future.succeededFuture(response);
            }
            return tokens.refresh(token).compose(fresh -> upsert(fresh, message));
        })).compose(response -> {
            int status = response.statusCode();
            // A contact to delete that the CRM does not hold is deleted already.
            if (status / 100 == 2 || status == 404 && CrmMessage.ERASED.equals(message.type())) {
                return Future.<Void>succeededFuture();
            }
            // A second 401 with a fresh token is the CRM's side (a revoked app): worth retrying, never final.
            return Future.failedFuture(status == 401 ? DeliveryFailure.retry("HTTP 401", Optional.empty())
                    : DeliveryFailure.ofHttp(status, response.getHeader("retry-after")));
        });
    }

    /** Completes with the answer to one upsert (or, for an erased profile, one delete of the contact). */
    private Future<HttpResponse<Buffer>> upsert(ClientCredentials.Token token, CrmMessage message) {
        String object;
        String key;
        String id;
        JsonObject record;
        if (message.changesContact()) {
            object = settings.contactObject();
            key = settings.contactKey();
            id = message.profileId();
            record = FieldMapping.apply(settings.contactFields(), message);
        } else {
            object = settings.activityObject();
            key = settings.activityKey();
            id = message.id();
            record = FieldMapping.apply(settings.activityFields(), message)
                    .put(settings.activityContact(), new JsonObject().put(settings.contactKey(), message.profileId()));
        }
        String url = stripSlash(token.instanceUrl().toString()) + "/services/data/" + settings.apiVersion()
                + "/sobjects/" + object + "/" + key + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        if (CrmMessage.ERASED.equals(message.type())) {
            return http.deleteAbs(url).timeout(timeout.toMillis())
                    .putHeader("authorization", "Bearer " + token.accessToken()).send();
        }
        return http.patchAbs(url).timeout(timeout.toMillis())
                .putHeader("authorization", "Bearer " + token.accessToken())
                .putHeader("content-type", "application/json")
                .sendJsonObject(record);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
