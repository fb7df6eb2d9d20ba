package dev.waymark.cloud.internal.subject;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an erasure did, as audited: no profile id, no identifier.
 *
 * @param erasureId  the erasure's id (a ULID)
 * @param erasedAt   when
 * @param erasedBy   the account (user name or API key id) that asked
 * @param profiles   profiles erased: the survivor and those merged into it
 * @param removed    rows deleted, by table
 * @param anonymised rows kept for the KPIs with the profile id replaced, by table
 * @param blocked    identifiers newly blocked from linking again
 * @param crmNotices deletes queued for the CRM connector
 */
record ErasureReport(String erasureId, Instant erasedAt, String erasedBy, int profiles, Map<String, Integer> removed,
        Map<String, Integer> anonymised, int blocked, int crmNotices) {

    ErasureReport {
        removed = new LinkedHashMap<>(removed);
        anonymised = new LinkedHashMap<>(anonymised);
    }

    JsonObject toJson() {
        return new JsonObject().put("erasureId", erasureId).put("erasedAt", erasedAt.toString())
                .put("erasedBy", erasedBy).put("profiles", profiles)
                .put("removed", new JsonObject(new LinkedHashMap<>(removed)))
                .put("anonymised", new JsonObject(new LinkedHashMap<>(anonymised)))
                .put("blockedIdentifiers", blocked).put("crmNotices", crmNotices);
    }
}
