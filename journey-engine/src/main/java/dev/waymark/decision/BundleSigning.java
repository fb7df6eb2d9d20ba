package dev.waymark.decision;

import dev.waymark.protocol.action.DecisionBundle;
import java.util.List;

/** The result of {@link BundleSigner#sign}: a signed bundle, or the catalog errors that stopped the build. */
public sealed interface BundleSigning {

    /** The bundle, signed. */
    record Signed(DecisionBundle bundle) implements BundleSigning {
    }

    /** The catalog did not compile (for example an edge-decidable rule reads {@code profile}); nothing was signed. */
    record Rejected(List<CatalogError> errors) implements BundleSigning {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
