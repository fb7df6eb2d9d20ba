package dev.waymark.cloud.internal.consent;

import dev.waymark.privacy.ConsentRecord;
import java.util.Objects;

/**
 * A ledger row: the record (owned by its current profile), its id (a ULID; ordering by it is append order) and
 * the profile it was first recorded for, which differs from the owner after a merge.
 */
public record StoredConsent(String recordId, String givenBy, ConsentRecord record) {

    /** Throws NullPointerException naming a missing component. */
    public StoredConsent {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(givenBy, "givenBy");
        Objects.requireNonNull(record, "record");
    }
}
