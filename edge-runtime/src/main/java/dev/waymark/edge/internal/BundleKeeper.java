package dev.waymark.edge.internal;

import dev.waymark.decision.BundleVerification;
import dev.waymark.decision.BundleVerifier;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.action.DecisionBundle;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Accepts decision bundles: decodes, ignores one not newer than the bundle in use, verifies the Ed25519 signature
 * against the key enrolled in the DeviceConfig, keeps the accepted bundle in SQLite (so a restart while offline
 * still decides) and installs it in the decider. A refused bundle is logged and the last good one stays.
 */
final class BundleKeeper {

    /** The meta key the accepted bundle is stored under, as its ContractCodec JSON. */
    static final String META_KEY = "bundle";
    private static final System.Logger LOG = System.getLogger(BundleKeeper.class.getName());

    private final ContractCodec codec;
    private final PublicKey verificationKey;
    private final OutboxWriter writer;
    private final OfflineDecider decider;

    BundleKeeper(ContractCodec codec, PublicKey verificationKey, OutboxWriter writer, OfflineDecider decider) {
        this.codec = codec;
        this.verificationKey = verificationKey;
        this.writer = writer;
        this.decider = decider;
    }

    /** Offers a bundle as received; true when it was accepted and installed. Persists only when {@code store}. */
    synchronized boolean offer(byte[] json, boolean store) {
        Decoded<DecisionBundle> decoded = codec.decode(json, DecisionBundle.class);
        if (decoded instanceof Decoded.Rejected<DecisionBundle> r) {
            LOG.log(Level.WARNING, "decision bundle refused: " + r.rejection().field());
            return false;
        }
        DecisionBundle bundle = decoded.orElseThrow();
        if (bundle.version() <= decider.bundleVersion()) {
            return false;
        }
        BundleVerification verification = BundleVerifier.trusting(Map.of(bundle.keyId(), verificationKey))
                .verify(bundle);
        if (verification instanceof BundleVerification.Refused refused) {
            LOG.log(Level.WARNING, "decision bundle " + bundle.version() + " refused: " + refused.reason());
            return false;
        }
        BundleVerification.Verified verified = (BundleVerification.Verified) verification;
        try {
            decider.install(verified.contents(), verified.catalog());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "decision bundle " + bundle.version() + " refused: " + e.getMessage());
            return false;
        }
        if (store) {
            writer.putMeta(META_KEY, new String(json, StandardCharsets.UTF_8));
        }
        LOG.log(Level.INFO, "decision bundle " + bundle.version() + " installed");
        return true;
    }

    /** The Ed25519 key of a PEM; throws IllegalArgumentException naming {@code bundleVerificationKey}. */
    static PublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bundleVerificationKey: not an Ed25519 public key: " + e.getMessage(),
                    e);
        }
    }
}
