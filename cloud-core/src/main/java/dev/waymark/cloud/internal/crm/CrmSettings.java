package dev.waymark.cloud.internal.crm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code crm} section of the cloud's settings. No connector is configured by default, and then no CRM message
 * is written at all; retries, backoff and dead-lettering follow the {@code outbox.*} keys.
 *
 * @param webhook        the generic signed webhook ({@code crm.webhook}: {@code url}, {@code secret})
 * @param salesforce     the Salesforce-style REST connector ({@code crm.salesforce}, see {@link SalesforceSettings})
 * @param inboundSecret  the HMAC-SHA256 key of {@code POST /v1/crm/inbound} ({@value #INBOUND_SECRET}); none: the
 *                       endpoint answers 503
 * @param inboundWindow  how far a delivery's timestamp may be from the cloud's clock ({@value #INBOUND_WINDOW},
 *                       default 300 s)
 * @param namespaces     the identifier namespaces whose links are sent ({@value #NAMESPACES}, default crm, loyalty)
 * @param traits         the profile traits the CRM may set ({@value #TRAITS}, default tier, contractEndDate,
 *                       householdId)
 */
public record CrmSettings(Optional<Webhook> webhook, Optional<SalesforceSettings> salesforce,
        Optional<String> inboundSecret, Duration inboundWindow, Set<String> namespaces, Set<String> traits) {

    public static final String INBOUND_SECRET = "crm.inboundSecret";
    public static final String INBOUND_WINDOW = "crm.inboundWindowSeconds";
    public static final String NAMESPACES = "crm.namespaces";
    public static final String TRAITS = "crm.traits";

    /** The generic webhook: messages POSTed to {@code url}, signed with {@code secret} (16 characters or more). */
    public record Webhook(URI url, String secret) {
        public Webhook {
            requireHttp("crm.webhook.url", url);
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("crm.webhook.secret: must have at least 16 characters");
            }
        }
    }

    public CrmSettings {
        Objects.requireNonNull(webhook, "crm.webhook");
        Objects.requireNonNull(salesforce, "crm.salesforce");
        Objects.requireNonNull(inboundSecret, INBOUND_SECRET);
        if (inboundSecret.filter(secret -> secret.length() < 16).isPresent()) {
            throw new IllegalArgumentException(INBOUND_SECRET + ": must have at least 16 characters");
        }
        if (inboundWindow.isNegative() || inboundWindow.isZero()) {
            throw new IllegalArgumentException(INBOUND_WINDOW + ": must be positive");
        }
        namespaces = Set.copyOf(namespaces);
        traits = Set.copyOf(traits);
    }

    /** Reads the {@code crm} section; throws IllegalArgumentException naming a bad key. */
    public static CrmSettings from(JsonObject section) {
        try {
            JsonObject hook = section.getJsonObject("webhook");
            JsonObject salesforce = section.getJsonObject("salesforce");
            String secret = section.getString("inboundSecret");
            return new CrmSettings(
                    hook == null ? Optional.empty() : Optional.of(new Webhook(uri("crm.webhook.url",
                            hook.getString("url")), hook.getString("secret"))),
                    salesforce == null ? Optional.empty() : Optional.of(SalesforceSettings.from(salesforce)),
                    secret == null || secret.isEmpty() ? Optional.empty() : Optional.of(secret),
                    Duration.ofSeconds(section.getLong("inboundWindowSeconds", 300L)),
                    names(section.getJsonArray("namespaces"), List.of("crm", "loyalty")),
                    names(section.getJsonArray("traits"), List.of("tier", "contractEndDate", "householdId")));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("crm.*: a setting has the wrong type: " + e.getMessage(), e);
        }
    }

    /** True when at least one connector is configured, so profile changes, decisions and outcomes are sent. */
    public boolean sends() {
        return webhook.isPresent() || salesforce.isPresent();
    }

    static URI uri(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + ": is required");
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": not a URL: " + e.getMessage(), e);
        }
        requireHttp(key, uri);
        return uri;
    }

    private static void requireHttp(String key, URI url) {
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException(key + ": must be an http or https URL");
        }
    }

    private static Set<String> names(JsonArray array, List<String> defaults) {
        if (array == null) {
            return Set.copyOf(defaults);
        }
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add((String) name));
        return names;
    }
}
