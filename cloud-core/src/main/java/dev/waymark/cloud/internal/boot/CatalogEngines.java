package dev.waymark.cloud.internal.boot;

import dev.waymark.cloud.internal.decision.catalog.CatalogStore;
import dev.waymark.cloud.internal.decision.catalog.CatalogVersion;
import dev.waymark.journey.ActivityMapping;
import dev.waymark.journey.JourneyEngine;
import java.util.function.Supplier;

/**
 * The journey engine of the catalog's current version, so intent patterns changed through the admin API apply to
 * the stream as they do to the bundles the kiosks decide from. Rebuilt only when the version changes.
 */
final class CatalogEngines implements Supplier<JourneyEngine> {

    private final CatalogStore catalogs;
    private volatile Built built;

    private record Built(long version, JourneyEngine engine) {
    }

    CatalogEngines(CatalogStore catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public JourneyEngine get() {
        CatalogVersion current = catalogs.current();
        Built known = built;
        if (known == null || known.version() != current.version()) {
            known = new Built(current.version(), JourneyEngine.of(ActivityMapping.defaults(),
                    current.draft().patterns()));
            built = known;
        }
        return known.engine();
    }
}
