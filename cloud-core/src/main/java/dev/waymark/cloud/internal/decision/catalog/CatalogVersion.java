package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.protocol.action.DecisionBundle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted version of the catalog, patterns and policies, with the signed bundle built from it.
 *
 * @param version   increasing from 1; also the bundle's version
 * @param draft     the validated contents
 * @param createdAt when it was accepted
 * @param createdBy the caller who changed it ({@code seed} for the default)
 * @param bundle    the signed bundle
 */
public record CatalogVersion(long version, CatalogDraft draft, Instant createdAt, String createdBy,
        DecisionBundle bundle) {

    public CatalogVersion {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(bundle, "bundle");
    }

    /** The entry of {@code actionId}, if the catalog has it. */
    public Optional<CatalogEntry> entry(String actionId) {
        return draft.actions().stream().filter(e -> e.id().equals(actionId)).findFirst();
    }
}
