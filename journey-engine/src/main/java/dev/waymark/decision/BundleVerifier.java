package dev.waymark.decision;

import dev.waymark.decision.internal.BundleCodec;
import dev.waymark.protocol.action.DecisionBundle;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;

/**
 * Verifies a decision bundle at the edge before it is used: the signing key must be trusted, the Ed25519
 * signature must match the payload bytes, the payload must parse and carry the envelope's version, and the catalog
 * must compile. Anything else is a {@link BundleVerification.Refused} with the reason; never throws on bad input.
 */
public final class BundleVerifier {

    private final Map<String, PublicKey> trusted;

    private BundleVerifier(Map<String, PublicKey> trusted) {
        this.trusted = Map.copyOf(trusted);
    }

    /** A verifier trusting these Ed25519 public keys, by key id (several during a key rotation). */
    public static BundleVerifier trusting(Map<String, PublicKey> keysById) {
        return new BundleVerifier(keysById);
    }

    public BundleVerification verify(DecisionBundle bundle) {
        if (!BundleSigner.ALGORITHM.equals(bundle.algorithm())) {
            return new BundleVerification.Refused("algorithm: expected Ed25519, got " + bundle.algorithm());
        }
        PublicKey key = trusted.get(bundle.keyId());
        if (key == null) {
            return new BundleVerification.Refused("keyId: '" + bundle.keyId() + "' is not a trusted bundle key");
        }
        byte[] payload = bundle.payloadBytes();
        if (!signatureMatches(key, payload, bundle.signatureBytes())) {
            return new BundleVerification.Refused(
                    "signature: does not match the payload (tampered, or signed with another key)");
        }
        BundleCodec.Parsed parsed = BundleCodec.read(payload);
        if (parsed.error().isPresent()) {
            return new BundleVerification.Refused(parsed.error().get());
        }
        BundleContents contents = parsed.contents().orElseThrow();
        if (contents.version() != bundle.version()) {
            return new BundleVerification.Refused("version: envelope says " + bundle.version() + ", payload says "
                    + contents.version());
        }
        CatalogCompilation compiled = ActionCatalog.compile(contents.actions());
        if (compiled instanceof CatalogCompilation.Rejected rejected) {
            return new BundleVerification.Refused("actions: catalog does not compile: " + rejected.errors());
        }
        return new BundleVerification.Verified(contents, compiled.orElseThrow());
    }

    private static boolean signatureMatches(PublicKey key, byte[] payload, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(BundleSigner.ALGORITHM);
            signature.initVerify(key);
            signature.update(payload);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // A key of the wrong type or a malformed signature: either way the bundle is not trusted.
            return false;
        }
    }
}
