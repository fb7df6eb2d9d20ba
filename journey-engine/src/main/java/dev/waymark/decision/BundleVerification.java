package dev.waymark.decision;

import java.util.Objects;

/** The result of {@link BundleVerifier#verify}: a trusted, compiled bundle, or the reason it was refused. */
public sealed interface BundleVerification {

    /** Signature valid, payload well-formed, catalog compiled. */
    record Verified(BundleContents contents, ActionCatalog catalog) implements BundleVerification {
        public Verified {
            Objects.requireNonNull(contents, "contents");
            Objects.requireNonNull(catalog, "catalog");
        }

        /** A pipeline deciding from this bundle: its catalog, its policies and a model restored from its snapshot. */
        public DecisionPipeline pipeline(long seed) {
            return DecisionPipeline.create(catalog, contents.policies(), PropensityModel.restore(contents.model()),
                    seed);
        }
    }

    /**
     * Refused; keep deciding from the previous bundle.
     *
     * @param reason what was wrong, naming the field: {@code signature}, {@code keyId}, {@code algorithm},
     *               {@code version} or a payload field
     */
    record Refused(String reason) implements BundleVerification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
