package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.action.DecisionBundle;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundleTest {

    private static KeyPair cloudKey;
    private static KeyPair otherKey;

    private static final String PATTERNS = "{\"patterns\": [{\"name\": \"cart_abandonment\"}]}";

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        cloudKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

    private static BundleContents contents(List<ActionDefinition> actions) {
        PropensityModel model = PropensityModel.withPrior(1, 20);
        model.update(new Outcome("kiosk-offer", "kiosk|purchase", true));
        DecisionPolicies policies = DecisionPolicies.defaults()
                .withCaps(List.of(ContactCap.perDay(Channel.SMS, ActionCategory.SALES, 2)))
                .withCooldown(Duration.ofHours(1), Map.of("kiosk-offer", Duration.ofMinutes(10)))
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .withControlGroup(new ControlGroupPolicy(5, "q4")).withMaxActions(2);
        return new BundleContents(7, actions, PATTERNS, policies, model.snapshot());
    }

    private static final List<ActionDefinition> ACTIONS = List.of(
            ActionDefinition.builder("kiosk-offer").channels(Channel.KIOSK).placements("home").value(12.5)
                    .edgeDecidable(true).eligibility("journey.cartItems > 0").build(),
            ActionDefinition.builder("sms-offer").channels(Channel.SMS).placements("promo")
                    .eligibility("profile.tier == 'gold'").build());

    private static DecisionBundle signed(BundleContents contents) {
        BundleSigning signing = BundleSigner.of(cloudKey.getPrivate(), "cloud-2026").sign(contents);
        return ((BundleSigning.Signed) signing).bundle();
    }

    private final BundleVerifier underTest = BundleVerifier.trusting(Map.of("cloud-2026", cloudKey.getPublic()));

    @Test
    void verify_signedBundle_roundTripsEveryPart() {
        BundleContents original = contents(ACTIONS);

        BundleVerification result = underTest.verify(signed(original));

        assertThat(result).isInstanceOf(BundleVerification.Verified.class);
        BundleVerification.Verified verified = (BundleVerification.Verified) result;
        assertThat(verified.contents()).isEqualTo(original);
        assertThat(verified.catalog().candidateIds(Channel.KIOSK, "home")).containsExactly("kiosk-offer");
        assertThat(verified.pipeline(1).model().snapshot()).isEqualTo(original.model());
    }

    @Test
    void verify_tamperedPayload_isRefusedNamingSignature() {
        DecisionBundle bundle = signed(contents(ACTIONS));
        String json = new String(bundle.payloadBytes(), StandardCharsets.UTF_8).replace("12.5", "99.5");
        DecisionBundle tampered = DecisionBundle.of(bundle.version(), bundle.keyId(), bundle.algorithm(),
                json.getBytes(StandardCharsets.UTF_8), bundle.signatureBytes());

        BundleVerification result = underTest.verify(tampered);

        assertThat(result).isEqualTo(new BundleVerification.Refused(
                "signature: does not match the payload (tampered, or signed with another key)"));
    }

    @Test
    void verify_untrustedKeyOrOtherSigner_isRefused() {
        DecisionBundle bundle = signed(contents(ACTIONS));

        BundleVerification unknownKey = BundleVerifier.trusting(Map.of()).verify(bundle);
        BundleVerification wrongKey = BundleVerifier.trusting(Map.of("cloud-2026", otherKey.getPublic()))
                .verify(bundle);

        assertThat(((BundleVerification.Refused) unknownKey).reason()).startsWith("keyId:");
        assertThat(((BundleVerification.Refused) wrongKey).reason()).startsWith("signature:");
    }

    @Test
    void verify_envelopeVersionDiffersFromPayload_isRefused() {
        DecisionBundle bundle = signed(contents(ACTIONS));
        DecisionBundle relabelled = new DecisionBundle(8, bundle.keyId(), bundle.algorithm(), bundle.payload(),
                bundle.signature());

        assertThat(((BundleVerification.Refused) underTest.verify(relabelled)).reason())
                .isEqualTo("version: envelope says 8, payload says 7");
    }

    @Test
    void sign_edgeDecidableRuleReadingProfile_isRejectedBeforeSigning() {
        List<ActionDefinition> bad = List.of(ActionDefinition.builder("edge-gold").channels(Channel.KIOSK)
                .placements("home").edgeDecidable(true).eligibility("profile.tier == 'gold'").build());

        BundleSigning result = BundleSigner.of(cloudKey.getPrivate(), "cloud-2026").sign(contents(bad));

        assertThat(result).isInstanceOf(BundleSigning.Rejected.class);
        assertThat(((BundleSigning.Rejected) result).errors()).extracting(CatalogError::actionId)
                .containsExactly("edge-gold");
    }

    @Test
    void verify_signedButMalformedPayload_isRefusedNamingField() throws GeneralSecurityException {
        byte[] payload = "{\"format\":\"waymark.decision-bundle/1\",\"version\":\"seven\"}"
                .getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(cloudKey.getPrivate());
        signer.update(payload);
        DecisionBundle bundle = DecisionBundle.of(7, "cloud-2026", "Ed25519", payload, signer.sign());

        assertThat(((BundleVerification.Refused) underTest.verify(bundle)).reason())
                .isEqualTo("version: expected a number");
    }
}
