package dev.waymark.protocol;

import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.action.Candidate;
import dev.waymark.protocol.action.Decision;
import dev.waymark.protocol.action.DecisionBundle;
import dev.waymark.protocol.action.DecisionMode;
import dev.waymark.protocol.action.Score;
import dev.waymark.protocol.action.Stage;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.device.StoreLink;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractCodecTest {

    static final String PEM_CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";
    static final String PEM_KEY = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";

    private final ContractCodec underTest = ContractCodec.create();

    static Action action() {
        return new Action("act-runner-10", "dec-1", ActionKind.OFFER, "kiosk.home.banner", "10% off trail shoes",
                "Today only, with your loyalty card.", 1300, "EUR", Instant.parse("2026-11-23T09:15:02Z"),
                Instant.parse("2026-11-23T09:20:02Z"));
    }

    static Decision decision() {
        return new Decision("dec-1", "k1:9f86d081884c7d65", Instant.parse("2026-11-23T09:15:02Z"),
                DecisionMode.TRIGGERED, List.of("act-runner-10"),
                List.of(Candidate.scored("act-runner-10", new Score(0.12, 1300, 1.0, 156.0)),
                        Candidate.removed("act-sms-5", Stage.CONSENT, "no consent for marketing on sms"),
                        Candidate.scoredThenRemoved("act-socks", new Score(0.3, 200, 1.0, 60.0),
                                Stage.ARBITRATION, "below top 1")));
    }

    static DeviceConfig deviceConfig() {
        return new DeviceConfig("store-042", "kiosk-07", DeviceRole.KIOSK, "ssl://hub.store-042.local:8883",
                Topics.ROOT, "a".repeat(64), List.of(PEM_CERT), PEM_KEY, "wm-pseudonymization");
    }

    @Test
    void decode_ofEncodedContractRecords_roundTrips() {
        DecisionBundle bundle = DecisionBundle.of(7, "bundle-k1", "Ed25519",
                "{\"actions\":[]}".getBytes(StandardCharsets.UTF_8), new byte[64]);

        assertThat(underTest.decode(underTest.encode(action()), Action.class)).isEqualTo(Decoded.accepted(action()));
        assertThat(underTest.decode(underTest.encode(decision()), Decision.class))
                .isEqualTo(Decoded.accepted(decision()));
        assertThat(underTest.decode(underTest.encode(deviceConfig()), DeviceConfig.class))
                .isEqualTo(Decoded.accepted(deviceConfig()));
        assertThat(underTest.decode(underTest.encode(bundle), DecisionBundle.class))
                .isEqualTo(Decoded.accepted(bundle));
    }

    @Test
    void storeLink_roundTripsAsLowerCaseStateAndIsoTime() {
        StoreLink down = new StoreLink(LinkState.DOWN, Instant.parse("2026-11-23T09:15:02Z"));

        byte[] json = underTest.encode(down);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"since\":\"2026-11-23T09:15:02Z\",\"upstream\":\"down\"}");
        assertThat(underTest.decode(json, StoreLink.class)).isEqualTo(Decoded.accepted(down));
        assertThat(underTest.decode("{\"since\":\"2026-11-23T09:15:02Z\",\"upstream\":\"sideways\"}"
                .getBytes(StandardCharsets.UTF_8), StoreLink.class).isAccepted()).isFalse();
    }

    @Test
    void encode_action_writesLowerCaseKindAndIsoTimes() {
        String json = new String(underTest.encode(action()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"kind\":\"offer\"").contains("\"expiresAt\":\"2026-11-23T09:20:02Z\"");
        assertThat(action().ttl()).hasMinutes(5);
    }

    @Test
    void decode_unknownProperty_isRejectedNamingIt() {
        String json = new String(underTest.encode(action()), StandardCharsets.UTF_8).replace("{", "{\"x\":1,");
        assertThat(underTest.decode(json.getBytes(StandardCharsets.UTF_8), Action.class).rejectionIfAny()
                .orElseThrow().message()).isEqualTo("x: unknown property");
    }

    @Test
    void decode_unknownStage_isRejectedNamingThePath() {
        String json = new String(underTest.encode(decision()), StandardCharsets.UTF_8).replace("consent", "mood");
        assertThat(underTest.decode(json.getBytes(StandardCharsets.UTF_8), Decision.class).rejectionIfAny()
                .orElseThrow().field()).isEqualTo("candidates[1].removedAt");
    }

    @Test
    void decode_actionExpiringBeforeIssue_isRejectedNamingExpiresAt() {
        String json = new String(underTest.encode(action()), StandardCharsets.UTF_8).replace("09:20:02", "09:10:02");
        assertThat(underTest.decode(json.getBytes(StandardCharsets.UTF_8), Action.class).rejectionIfAny()
                .orElseThrow().message()).isEqualTo("expiresAt: must be after issuedAt");
    }

    @Test
    void decode_badFingerprint_isRejectedNamingIt() {
        String json = new String(underTest.encode(deviceConfig()), StandardCharsets.UTF_8)
                .replace("a".repeat(64), "A".repeat(64));
        assertThat(underTest.decode(json.getBytes(StandardCharsets.UTF_8), DeviceConfig.class).rejectionIfAny()
                .orElseThrow().field()).isEqualTo("caFingerprint");
    }

    @Test
    void decode_otherType_throwsBecauseItIsAProgrammingError() {
        assertThatThrownBy(() -> underTest.decode(new byte[0], Rejection.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void decode_ofRandomBytes_neverThrows(@ForAll @Size(max = 512) byte[] bytes) {
        assertThat(underTest.decode(bytes, Decision.class)).isNotNull();
        assertThat(underTest.decode(bytes, DeviceConfig.class)).isNotNull();
    }

    @Property(tries = 200)
    void decode_ofGeneratedDecision_roundTrips(@ForAll("decisions") Decision decision) {
        assertThat(underTest.decode(underTest.encode(decision), Decision.class)).isEqualTo(Decoded.accepted(decision));
    }

    @Provide
    Arbitrary<Decision> decisions() {
        return RecordArbitraries.of(Decision.class);
    }
}
