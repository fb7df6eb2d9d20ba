package dev.waymark.cloud;

import dev.waymark.cloud.ApiClient.Credential;
import java.util.List;

/**
 * Invalid requests of every area, each with the status and the field its refusal must name: malformed, wrong
 * types, unknown values, oversize and duplicated input, refused by the contract or by the part's own checks.
 */
final class InvalidRequests {

    /** A request and the refusal it must get; {@code field} is "" where the refusal concerns no one field. */
    record Refused(Credential credential, String method, String path, String body, int status, String field) {
    }

    private static final String PROFILE = "/v1/profiles/cookie/" + ValidRequests.ANONYMOUS_ID;

    private InvalidRequests() {
    }

    static List<Refused> all() {
        return List.of(
                // collector: Segment's answers, with the API's error and field
                write("/v1/track", "{\"anonymousId\": \"a-1\"}", "event"),
                write("/v1/track", "{\"anonymousId\": \"a-1\", \"event\": \"x\", \"timestamp\": \"yesterday\"}",
                        "timestamp"),
                write("/v1/batch", "{\"batch\": \"everything\"}", "batch"),
                new Refused(Credential.NONE, "POST", "/v1/track", "{\"anonymousId\": \"a-1\", \"event\": \"x\"}",
                        401, "writeKey"),
                write("/v1/identify", "{\"userId\": ", "body"),
                write("/v1/track", "{\"anonymousId\": \"a-1\", \"event\": \"" + "x".repeat(40_000) + "\"}", "body"),
                // the CRM's inbound webhook and admin routes
                new Refused(Credential.CRM_SIGNATURE, "POST", "/v1/crm/inbound", "{\"id\": \"c-1\", \"contact\": "
                        + "{\"namespace\": \"email\", \"id\": \"x\"}, \"traits\": {\"tier\": \"gold\"}}", 400,
                        "contact.namespace"),
                new Refused(Credential.CRM_SIGNATURE, "POST", "/v1/crm/inbound", "{\"id\": \"c-1\", \"contact\": "
                        + "{\"namespace\": \"crm\", \"id\": \"x\"}, \"traits\": {\"email\": \"a\"}}", 400,
                        "traits.email"),
                key("GET", "/v1/crm/dead-letters?limit=5000", null, "limit"),
                // session and accounts
                new Refused(Credential.NONE, "POST", "/v1/session", "{\"name\": \"admin\"}", 400, "password"),
                new Refused(Credential.NONE, "POST", "/v1/session",
                        "{\"name\": \"admin\", \"password\": \"x\", \"remember\": true}", 400, "remember"),
                key("POST", "/v1/users", "{\"name\": \"bob\", \"password\": \"correct horse battery\", "
                        + "\"role\": \"boss\"}", "role"),
                key("POST", "/v1/users", "{\"name\": \"bob\", \"password\": \"short\", \"role\": \"marketing\"}",
                        "password"),
                key("PATCH", "/v1/users/ada", "{\"disabled\": \"yes\"}", "disabled"),
                key("PATCH", "/v1/users/Ada!", "{\"disabled\": true}", "name"),
                key("POST", "/v1/api-keys", "{\"kind\": \"forever\", \"label\": \"x\"}", "kind"),
                key("POST", "/v1/api-keys", "{\"kind\": \"secret\", \"label\": \"x\", \"scopes\": [\"root\"]}",
                        "scopes[0]"),
                // profiles and consents
                key("GET", "/v1/profiles/fax/abc", null, "namespace"),
                key("GET", "/v1/profiles/cookie/" + "x".repeat(300), null, "id"),
                key("GET", "/v1/profiles/fax/abc/export", null, "namespace"),
                key("DELETE", "/v1/profiles/fax/abc", null, "namespace"),
                key("DELETE", PROFILE + "?block=maybe", null, "block"),
                key("GET", "/v1/erasures?limit=0", null, "limit"),
                key("POST", PROFILE + "/consents", "{\"purpose\": \"marketing\", \"channel\": \"email\", "
                        + "\"state\": \"maybe\", \"source\": \"web\"}", "state"),
                key("POST", PROFILE + "/consents", "{\"purpose\": \"marketing\", \"channel\": \"email\", "
                        + "\"state\": \"granted\"}", "source"),
                // decisions
                key("POST", "/v1/decisions", "{\"channel\": \"web\"}", "placement"),
                key("POST", "/v1/decisions", "{\"identifiers\": [{\"namespace\": 5, \"id\": \"a\"}], "
                        + "\"channel\": \"web\", \"placement\": \"home\"}", "identifiers[0].namespace"),
                key("POST", "/v1/decisions", "{\"channel\": \"web\", \"channel\": \"fax\", \"placement\": \"h\"}",
                        "channel"),
                key("POST", "/v1/decisions", "{\"channel\": \"web\", \"placement\": \"home\", \"context\": {\"pad\": \""
                        + "x".repeat(300 * 1024) + "\"}}", 413, "body"),
                key("POST", "/v1/decisions/simulate", "{\"identifiers\": [{\"namespace\": \"cookie\", "
                        + "\"id\": \"nobody\"}], \"channel\": \"web\", \"placement\": \"home\"}", 404, "identifiers"),
                key("GET", "/v1/decisions/01NOSUCHDECISION", null, 404, "id"),
                key("GET", "/v1/decisions?limit=0", null, "limit"),
                key("GET", "/v1/decisions?from=yesterday", null, "from"),
                // catalog
                key("PUT", "/v1/catalog/actions/a-1", "{\"channels\": [\"fax\"]}", "channels[0]"),
                key("PUT", "/v1/catalog/actions/a-1", "{\"category\": \"sales\", \"channels\": [\"web\"], "
                        + "\"placements\": [\"home\"], \"currency\": \"euro\"}", "currency"),
                key("PUT", "/v1/catalog/actions/a-1", "{\"id\": \"a-2\", \"category\": \"sales\", "
                        + "\"channels\": [\"web\"], \"placements\": [\"home\"]}", "id"),
                key("PUT", "/v1/catalog/actions/a-1", "{\"category\": \"sales\", \"channels\": [\"web\"], "
                        + "\"placements\": [\"home\"], \"timeToLive\": \"soon\"}", "timeToLive"),
                key("PUT", "/v1/catalog/actions/a-1", "{\"category\": \"sales\", \"channels\": [\"web\"], "
                        + "\"placements\": [\"home\"], \"eligibility\": \"1 +\"}", 422, ""),
                key("DELETE", "/v1/catalog/actions/no-such-action", null, 404, "id"),
                key("PUT", "/v1/catalog/policies", "{\"controlGroup\": {\"percent\": 150}}", "controlGroup.percent"),
                key("POST", "/v1/catalog/validate", "{\"actions\": \"all\"}", "actions"),
                // campaigns
                key("POST", "/v1/campaigns", "{\"name\": \"n\", \"segment\": \"profile.channels >\", "
                        + "\"channel\": \"email\", \"placement\": \"newsletter\"}", 422, "segment"),
                key("POST", "/v1/campaigns", "{\"name\": \"n\", \"segment\": \"true\", "
                        + "\"channel\": \"fax\", \"placement\": \"newsletter\"}", "channel"),
                key("GET", "/v1/campaigns/no-such-campaign", null, 404, "id"),
                key("POST", "/v1/campaigns/no-such-campaign/pause", null, 404, "id"),
                // insight
                key("GET", "/v1/kpis?from=yesterday", null, "from"),
                key("GET", "/v1/kpis?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", null, "from"),
                key("GET", "/v1/kpis?store=s%201", null, "store"),
                key("GET", "/v1/live?kind=noise", null, "kind"),
                key("GET", "/v1/stores/s!1/devices", null, "store"));
    }

    private static Refused write(String path, String body, String field) {
        return new Refused(Credential.WRITE_KEY, "POST", path, body, 400, field);
    }

    private static Refused key(String method, String path, String body, String field) {
        return key(method, path, body, 400, field);
    }

    private static Refused key(String method, String path, String body, int status, String field) {
        return new Refused(Credential.SECRET_KEY, method, path, body, status, field);
    }
}
