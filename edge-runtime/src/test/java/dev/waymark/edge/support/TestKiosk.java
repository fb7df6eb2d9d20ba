package dev.waymark.edge.support;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.BundleContents;
import dev.waymark.decision.BundleSigner;
import dev.waymark.decision.BundleSigning;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.PropensityModel;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import dev.waymark.journey.IntentPatterns;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

/** One test kiosk's files: device config, keystore, settings, and bundles signed with its bundle key. */
public final class TestKiosk {

    public static final String STORE = "store-1";
    public static final String DEVICE = "kiosk-7";
    public static final String KEY_ALIAS = "pk-test";
    public static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    public static final String PLACEMENT = "home";

    private final Path dir;
    private final TestPki pki;
    private final KeyPair bundleKeys;

    private TestKiosk(Path dir, TestPki pki, KeyPair bundleKeys) {
        this.dir = dir;
        this.pki = pki;
        this.bundleKeys = bundleKeys;
    }

    public static TestKiosk create(Path dir, TestPki pki) throws Exception {
        return new TestKiosk(dir, pki, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    }

    /** Writes the device config and keystore; settings with HTTP on any free port. */
    public EdgeSettings settings(String hubAddress, boolean dev) throws Exception {
        return settings(hubAddress, dev, pki);
    }

    /** As {@link #settings(String, boolean)}, trusting another CA than the one that issued the device key. */
    public EdgeSettings settings(String hubAddress, boolean dev, TestPki trusted) throws Exception {
        DeviceConfig config = new DeviceConfig(STORE, DEVICE, DeviceRole.KIOSK, hubAddress, "wm/v1/",
                trusted.caFingerprint(), List.of(trusted.caPem()), bundlePublicKeyPem(), KEY_ALIAS);
        Path configFile = dir.resolve("device.json");
        Files.write(configFile, ContractCodec.create().encode(config));
        Path keystore = pki.deviceKeystore(dir.resolve("device.p12"), DEVICE, KEY_ALIAS, SECRET);
        return EdgeSettings.defaults(configFile, keystore, dir.resolve("edge.db")).withHttpPort(0).withDev(dev);
    }

    public static EdgeIdentity identity(EdgeSettings settings) {
        return EdgeIdentity.load(settings, name -> TestPki.PASSWORD);
    }

    /** A bundle with one edge-decidable help action for carts, under the given policies. */
    public byte[] bundle(long version, DecisionPolicies policies) {
        return bundle(version, policies, "help-cart");
    }

    /** As {@link #bundle(long, DecisionPolicies)}, with the help action called {@code actionId}. */
    public byte[] bundle(long version, DecisionPolicies policies, String actionId) {
        ActionDefinition help = ActionDefinition.builder(actionId).category(ActionCategory.CARE)
                .channels(Channel.KIOSK).placements(PLACEMENT).edgeDecidable(true)
                .eligibility("journey.cartItems > 0").build();
        return bundle(version, policies, List.of(help));
    }

    /** A bundle of the given actions with the default intent patterns, signed with this kiosk's bundle key. */
    public byte[] bundle(long version, DecisionPolicies policies, List<ActionDefinition> actions) {
        BundleContents contents = new BundleContents(version, actions, IntentPatterns.defaults().toJson(),
                policies, PropensityModel.uniform().snapshot());
        BundleSigning signing = BundleSigner.of(bundleKeys.getPrivate(), "bk-1").sign(contents);
        return ContractCodec.create().encode(((BundleSigning.Signed) signing).bundle());
    }

    public byte[] bundle(long version) {
        return bundle(version, DecisionPolicies.defaults());
    }

    private String bundlePublicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(bundleKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
