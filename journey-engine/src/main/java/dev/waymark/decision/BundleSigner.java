package dev.waymark.decision;

import dev.waymark.decision.internal.BundleCodec;
import dev.waymark.protocol.action.DecisionBundle;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Builds and signs decision bundles in the cloud with Ed25519 (the JDK's own, Java 15+). The catalog is compiled
 * first, so a bundle with a bad rule, or an edge-decidable rule that reads {@code profile}, is never published.
 */
public final class BundleSigner {

    /** The JCA algorithm name written into every bundle. */
    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey key;
    private final String keyId;

    private BundleSigner(PrivateKey key, String keyId) {
        this.key = Objects.requireNonNull(key, "key");
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId: is required");
        }
        this.keyId = keyId;
    }

    /**
     * A signer with an Ed25519 private key and the id devices know its public key by.
     *
     * @throws IllegalArgumentException when the key is not an Ed25519 (EdDSA) key or keyId is blank
     */
    public static BundleSigner of(PrivateKey key, String keyId) {
        if (!"EdDSA".equals(key.getAlgorithm()) && !ALGORITHM.equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("key: must be an Ed25519 key, got " + key.getAlgorithm());
        }
        return new BundleSigner(key, keyId);
    }

    /** Compiles the catalog, serializes the contents and signs the bytes. */
    public BundleSigning sign(BundleContents contents) {
        CatalogCompilation compiled = ActionCatalog.compile(contents.actions());
        if (compiled instanceof CatalogCompilation.Rejected rejected) {
            return new BundleSigning.Rejected(rejected.errors());
        }
        byte[] payload = BundleCodec.write(contents);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(payload);
            return new BundleSigning.Signed(
                    DecisionBundle.of(contents.version(), keyId, ALGORITHM, payload, signature.sign()));
        } catch (GeneralSecurityException e) {
            // Ed25519 is a required JDK algorithm since 15 and the key type was checked in of().
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
