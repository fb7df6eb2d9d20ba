package dev.waymark.cloud;

import dev.waymark.cloud.ApiClient.Credential;
import java.util.List;
import java.util.Map;

/**
 * A valid, realistic request for every operation of the contract, in an order where each finds what it needs:
 * events through the collector first (they create the profile), then reads of that profile, catalog round trips
 * (what a GET answers is PUT back), a decision and its record, the insight reads, accounts, and the session last.
 * {@code ${name}} in a path or body is a value an earlier step remembered.
 */
final class ValidRequests {

    /** The anonymous id the collector's calls carry; it becomes the profile's {@code cookie} identifier. */
    static final String ANONYMOUS_ID = "anon-conformance-1";
    private static final String WHEN = "2026-03-01T10:00:00Z";
    /** The {@code crm.inboundSecret} of the cloud the requests are sent to. */
    static final String CRM_SECRET = "conformance-crm-inbound-secret";

    /** How a step is sent. */
    enum Kind {
        /** One request, one answer. */
        PLAIN,
        /** Repeated until it answers 200: the pipeline makes the profile some time after the collector's 200. */
        UNTIL_FOUND,
        /** A server-sent-event stream: opened, its headers read, closed. */
        STREAM,
        /** A sign-in whose new session the following session steps use. */
        SIGN_IN
    }

    /**
     * One request.
     *
     * @param remember values of the answer to keep: name to a path in its JSON ({@code actions[0].id}; "" = all)
     */
    record Step(String operationId, Kind kind, Credential credential, String method, String path, String body,
            Map<String, String> remember) {
    }

    private ValidRequests() {
    }

    static List<Step> all(String adminPassword) {
        return List.of(
                plain("getLiveness", Credential.NONE, "GET", "/health/live", null),
                plain("getHealth", Credential.NONE, "GET", "/health", null),
                plain("getReadiness", Credential.NONE, "GET", "/health/ready", null),
                plain("scrapeMetrics", Credential.SECRET_KEY, "GET", "/metrics", null),
                collect("identify", """
                        {"anonymousId": "%s", "userId": "crm-conformance-1", "messageId": "conf-identify-1",
                         "traits": {"email": "ada@example.com", "plan": "gold"}, "timestamp": "%s"}"""),
                collect("track", """
                        {"anonymousId": "%s", "event": "Product Viewed", "messageId": "conf-track-1",
                         "properties": {"sku": "A-1", "category": "shoes"}, "timestamp": "%s"}"""),
                collect("page", """
                        {"anonymousId": "%s", "name": "Shoes", "category": "catalog", "messageId": "conf-page-1",
                         "properties": {"path": "/shoes"}, "timestamp": "%s"}"""),
                collect("screen", """
                        {"anonymousId": "%s", "name": "Cart", "messageId": "conf-screen-1", "timestamp": "%s"}"""),
                collect("alias", """
                        {"previousId": "%s", "userId": "crm-conformance-1", "messageId": "conf-alias-1",
                         "timestamp": "%s"}"""),
                collect("batch", """
                        {"batch": [{"type": "track", "anonymousId": "%s", "event": "Cart Viewed",
                                    "messageId": "conf-batch-1", "timestamp": "%s"},
                                   {"type": "page", "anonymousId": "anon-conformance-1", "name": "Home",
                                    "messageId": "conf-batch-2"}],
                         "context": {"library": {"name": "analytics-node"}}, "sentAt": "2026-03-01T10:00:01Z"}"""),
                new Step("getProfile", Kind.UNTIL_FOUND, Credential.SECRET_KEY, "GET",
                        "/v1/profiles/cookie/" + ANONYMOUS_ID, null, Map.of("profileId", "profileId")),
                plain("getConsents", Credential.SECRET_KEY, "GET", "/v1/profiles/cookie/" + ANONYMOUS_ID + "/consents",
                        null),
                plain("recordConsent", Credential.SECRET_KEY, "POST",
                        "/v1/profiles/cookie/" + ANONYMOUS_ID + "/consents", """
                        {"purpose": "marketing", "channel": "email", "state": "granted", "source": "web-preferences",
                         "evidence": "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA"}"""),
                remembering("listActions", "GET", "/v1/catalog/actions", null,
                        Map.of("actions", "actions", "firstAction", "actions[0].id")),
                plain("getAction", Credential.SECRET_KEY, "GET", "/v1/catalog/actions/${firstAction}", null),
                plain("putAction", Credential.SECRET_KEY, "PUT", "/v1/catalog/actions/conformance-banner", """
                        {"category": "sales", "channels": ["web", "app"], "placements": ["web-banner"],
                         "value": 4.5, "weight": 1.0, "timeToLive": "PT30M", "consentPurpose": "marketing",
                         "edgeDecidable": false, "eligibility": "true", "title": "Spring shoes",
                         "body": "New shoes for spring.", "currency": "EUR"}"""),
                plain("deleteAction", Credential.SECRET_KEY, "DELETE", "/v1/catalog/actions/conformance-banner", null),
                plain("replaceActions", Credential.SECRET_KEY, "PUT", "/v1/catalog/actions",
                        "{\"actions\": ${actions}}"),
                remembering("getPatterns", "GET", "/v1/catalog/patterns", null, Map.of("patterns", "")),
                plain("replacePatterns", Credential.SECRET_KEY, "PUT", "/v1/catalog/patterns", "${patterns}"),
                remembering("getPolicies", "GET", "/v1/catalog/policies", null, Map.of("policies", "")),
                plain("replacePolicies", Credential.SECRET_KEY, "PUT", "/v1/catalog/policies", "${policies}"),
                plain("validateCatalog", Credential.SECRET_KEY, "POST", "/v1/catalog/validate",
                        "{\"actions\": ${actions}, \"patterns\": ${patterns}, \"policies\": ${policies}}"),
                plain("currentBundle", Credential.SECRET_KEY, "GET", "/v1/bundles/current", null),
                remembering("createCampaign", "POST", "/v1/campaigns", """
                        {"name": "Spring carts", "segment": "journey.cartItems > 0", "channel": "email",
                         "placement": "newsletter", "startAt": "2099-03-01T08:00:00Z"}""", Map.of("campaignId", "id")),
                plain("listCampaigns", Credential.SECRET_KEY, "GET", "/v1/campaigns", null),
                plain("getCampaign", Credential.SECRET_KEY, "GET", "/v1/campaigns/${campaignId}", null),
                plain("pauseCampaign", Credential.SECRET_KEY, "POST", "/v1/campaigns/${campaignId}/pause", null),
                plain("resumeCampaign", Credential.SECRET_KEY, "POST", "/v1/campaigns/${campaignId}/resume", null),
                plain("cancelCampaign", Credential.SECRET_KEY, "POST", "/v1/campaigns/${campaignId}/cancel", null),
                remembering("decide", "POST", "/v1/decisions", """
                        {"identifiers": [{"namespace": "cookie", "id": "%s"}], "channel": "web",
                         "placement": "web-banner", "context": {"page": "/shoes"}}""".formatted(ANONYMOUS_ID),
                        Map.of("decisionId", "decisionId")),
                plain("simulateDecision", Credential.SECRET_KEY, "POST", "/v1/decisions/simulate", """
                        {"identifiers": [{"namespace": "cookie", "id": "%s"}], "channel": "web",
                         "placement": "web-banner", "context": {"page": "/shoes"},
                         "journey": {"cartItems": 2}, "catalog": {"actions": ${actions}}}""".formatted(ANONYMOUS_ID)),
                plain("getDecision", Credential.SECRET_KEY, "GET", "/v1/decisions/${decisionId}", null),
                plain("searchDecisions", Credential.SECRET_KEY, "GET",
                        "/v1/decisions?profile=${profileId}&from=2026-01-01T00:00:00Z&limit=10", null),
                // before the erasure, which removes the profile it names
                plain("crmInbound", Credential.CRM_SIGNATURE, "POST", "/v1/crm/inbound", """
                        {"id": "conf-crm-1", "contact": {"namespace": "profile", "id": "${profileId}"},
                         "traits": {"tier": "gold", "contractEndDate": "2027-03-31"}}"""),
                plain("exportProfile", Credential.SECRET_KEY, "GET", "/v1/profiles/cookie/" + ANONYMOUS_ID
                        + "/export", null),
                plain("eraseProfile", Credential.SECRET_KEY, "DELETE", "/v1/profiles/cookie/" + ANONYMOUS_ID
                        + "?block=false", null),
                plain("listErasures", Credential.SECRET_KEY, "GET", "/v1/erasures?limit=10", null),
                plain("getKpis", Credential.SECRET_KEY, "GET",
                        "/v1/kpis?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z", null),
                new Step("liveStream", Kind.STREAM, Credential.SECRET_KEY, "GET", "/v1/live?kind=decision", null,
                        Map.of()),
                plain("listStores", Credential.SECRET_KEY, "GET", "/v1/stores", null),
                plain("listStoreDevices", Credential.SECRET_KEY, "GET", "/v1/stores/s-001/devices", null),
                plain("crmStatus", Credential.SECRET_KEY, "GET", "/v1/crm/status", null),
                plain("crmDeadLetters", Credential.SECRET_KEY, "GET", "/v1/crm/dead-letters?limit=10", null),
                plain("crmReplay", Credential.SECRET_KEY, "POST",
                        "/v1/crm/dead-letters/01J0000000000000000000000/replay", null),
                plain("crmReplayAll", Credential.SECRET_KEY, "POST", "/v1/crm/dead-letters/replay", null),
                plain("listUsers", Credential.SECRET_KEY, "GET", "/v1/users", null),
                plain("createUser", Credential.SECRET_KEY, "POST", "/v1/users", """
                        {"name": "ada", "password": "correct horse battery", "role": "store_manager",
                         "stores": ["s-001"]}"""),
                plain("changeUser", Credential.SECRET_KEY, "PATCH", "/v1/users/ada",
                        "{\"stores\": [\"s-001\", \"s-002\"], \"disabled\": false}"),
                plain("listApiKeys", Credential.SECRET_KEY, "GET", "/v1/api-keys", null),
                remembering("createApiKey", "POST", "/v1/api-keys",
                        "{\"kind\": \"secret\", \"scopes\": [\"decide\"], \"label\": \"web shop backend\"}",
                        Map.of("newKey", "id")),
                plain("revokeApiKey", Credential.SECRET_KEY, "DELETE", "/v1/api-keys/${newKey}", null),
                plain("currentSession", Credential.SESSION, "GET", "/v1/session", null),
                new Step("signIn", Kind.SIGN_IN, Credential.NONE, "POST", "/v1/session",
                        "{\"name\": \"admin\", \"password\": \"" + adminPassword + "\"}", Map.of()),
                plain("signOut", Credential.SESSION, "DELETE", "/v1/session", null));
    }

    private static Step plain(String operationId, Credential credential, String method, String path, String body) {
        return new Step(operationId, Kind.PLAIN, credential, method, path, body, Map.of());
    }

    private static Step remembering(String operationId, String method, String path, String body,
            Map<String, String> remember) {
        return new Step(operationId, Kind.PLAIN, Credential.SECRET_KEY, method, path, body, remember);
    }

    private static Step collect(String call, String body) {
        return plain(call, Credential.WRITE_KEY, "POST", "/v1/" + call, body.formatted(ANONYMOUS_ID, WHEN));
    }
}
