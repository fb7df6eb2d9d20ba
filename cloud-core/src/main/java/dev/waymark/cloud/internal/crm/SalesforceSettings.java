package dev.waymark.cloud.internal.crm;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Salesforce-style connector ({@code crm.salesforce}): profile messages upsert a contact by external id
 * ({@code PATCH .../sobjects/{contactObject}/{contactKey}/{profileId}}), decisions, outcomes and journey completions
 * upsert an activity by its message id, related to the contact by {@code activityContact}. Fields are mapped from
 * the message ({@code profileId}, {@code type}, {@code occurredAt}, {@code id}, {@code data.<name>}).
 *
 * @param tokenUrl        the OAuth token endpoint, asked with the client-credentials grant ({@code tokenUrl})
 * @param instanceUrl     the API's base URL; empty: the token answer's {@code instance_url} ({@code instanceUrl})
 * @param clientId        {@code clientId}
 * @param clientSecret    {@code clientSecret}
 * @param apiVersion      {@code apiVersion}, default {@code v60.0}
 * @param contactObject   {@code contactObject}, default {@code Contact}
 * @param contactKey      the contact's external id field holding the profile id ({@code contactKey}, default
 *                        {@code Waymark_Id__c})
 * @param contactFields   contact field to message path ({@code contactFields})
 * @param activityObject  {@code activityObject}, default {@code Waymark_Activity__c}
 * @param activityKey     the activity's external id field holding the message id ({@code activityKey}, default
 *                        {@code Waymark_Key__c})
 * @param activityContact the activity's relationship to the contact ({@code activityContact}, default
 *                        {@code Contact__r})
 * @param activityFields  activity field to message path ({@code activityFields})
 */
public record SalesforceSettings(URI tokenUrl, Optional<URI> instanceUrl, String clientId, String clientSecret,
        String apiVersion, String contactObject, String contactKey, Map<String, String> contactFields,
        String activityObject, String activityKey, String activityContact, Map<String, String> activityFields) {

    /** The contact fields written when none are configured. */
    public static final Map<String, String> CONTACT_FIELDS = ordered("Waymark_Last_Change__c", "type",
            "Waymark_Changed_At__c", "occurredAt", "Waymark_Identifiers__c", "data.identifiers",
            "Waymark_Consent__c", "data.consent", "Waymark_Merged_From__c", "data.from");
    /** The activity fields written when none are configured. */
    public static final Map<String, String> ACTIVITY_FIELDS = ordered("Type__c", "type", "Occurred_At__c",
            "occurredAt", "Decision_Id__c", "data.decisionId", "Action_Id__c", "data.actionId", "Outcome__c",
            "data.kind", "Value__c", "data.value", "Intent__c", "data.intent", "Journey__c", "data.journey");

    public SalesforceSettings {
        Objects.requireNonNull(tokenUrl, "crm.salesforce.tokenUrl");
        Objects.requireNonNull(instanceUrl, "crm.salesforce.instanceUrl");
        required("clientId", clientId);
        required("clientSecret", clientSecret);
        for (String name : new String[] {apiVersion, contactObject, contactKey, activityObject, activityKey,
                activityContact}) {
            required("object, field or version name", name);
            if (!name.matches("[A-Za-z0-9_.]+")) {
                throw new IllegalArgumentException("crm.salesforce: \"" + name + "\" is not an API name");
            }
        }
        contactFields = Map.copyOf(contactFields);
        activityFields = Map.copyOf(activityFields);
        contactFields.forEach((field, path) -> FieldMapping.requirePath("crm.salesforce.contactFields." + field, path));
        activityFields.forEach((field, path) -> FieldMapping.requirePath("crm.salesforce.activityFields." + field,
                path));
    }

    static SalesforceSettings from(JsonObject json) {
        String instance = json.getString("instanceUrl");
        return new SalesforceSettings(CrmSettings.uri("crm.salesforce.tokenUrl", json.getString("tokenUrl")),
                instance == null ? Optional.empty() : Optional.of(CrmSettings.uri("crm.salesforce.instanceUrl",
                        instance)),
                json.getString("clientId"), json.getString("clientSecret"), json.getString("apiVersion", "v60.0"),
                json.getString("contactObject", "Contact"), json.getString("contactKey", "Waymark_Id__c"),
                fields(json.getJsonObject("contactFields"), CONTACT_FIELDS),
                json.getString("activityObject", "Waymark_Activity__c"),
                json.getString("activityKey", "Waymark_Key__c"), json.getString("activityContact", "Contact__r"),
                fields(json.getJsonObject("activityFields"), ACTIVITY_FIELDS));
    }

    private static Map<String, String> fields(JsonObject json, Map<String, String> defaults) {
        if (json == null) {
            return defaults;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        json.forEach(entry -> fields.put(entry.getKey(), (String) entry.getValue()));
        return fields;
    }

    private static void required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("crm.salesforce." + key + ": is required");
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
