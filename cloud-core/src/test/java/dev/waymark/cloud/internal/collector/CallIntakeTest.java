package dev.waymark.cloud.internal.collector;

import static dev.waymark.cloud.internal.collector.CallTimeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.collector.CallIntake.Intake;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.PersonalData;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebTrack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallIntakeTest {

    static final KeyRing KEYS = KeyRing.of(PseudonymizationKey.of("k1", filled(32)));
    static final String VALID_TCF = "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Receipt RECEIPT = Receipt.single("wk_test", false, NOW);

    private final EventCodec codec = EventCodec.create();
    private final CallIntake underTest = new CallIntake(new WebEvents(codec,
            EventMasker.create(MaskingPolicy.defaults(), KEYS, PiiScanner.standard()),
            new UlidGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new Random(1))));

    @Test
    void single_identifyWithPersonalTraits_keepsOnlyTokensAndKeysByTheUserToken() {
        Intake intake = underTest.single(json("{\"userId\":\"crm-42\",\"messageId\":\"m-1\",\"traits\":{"
                + "\"email\":\"ada@example.com\",\"phone\":\"+1 415 555 0100\","
                + "\"firstName\":\"Ada\",\"plan\":\"gold\"},"
                + "\"context\":{\"ip\":\"203.0.113.9\",\"traits\":{\"email\":\"ada@example.com\"}}}"),
                CallType.IDENTIFY, RECEIPT).orElseThrow();

        CloudEvent event = codec.decode(intake.events().get(0).bytes()).orElseThrow();
        WebIdentify identify = event.dataAs(WebIdentify.class);
        String userToken = KEYS.token(PersonalData.CUSTOMER_ID, "crm-42");
        assertThat(event.id()).isEqualTo("m-1");
        assertThat(event.source()).isEqualTo("wm:/web/wk_test");
        assertThat(identify.userId()).contains(userToken);
        assertThat(identify.traits().getString("email")).isEqualTo(KEYS.token(PersonalData.EMAIL, "ada@example.com"));
        assertThat(identify.traits()).doesNotContainKey("firstName").containsKey("plan");
        assertThat(identify.context().getJsonObject("traits").getString("email")).startsWith("tok:");
        assertThat(identify.context().getString("ip")).doesNotContain("203.0.113.9");
        assertThat(intake.events().get(0).key()).isEqualTo("web:wk_test:" + userToken);
        assertThat(new String(intake.events().get(0).bytes())).doesNotContain("ada@example.com", "crm-42", "Ada");
    }

    @Test
    void single_trackWithoutMessageId_getsAUlidAndKeysByAnonymousId() {
        Intake intake = underTest.single(json("{\"anonymousId\":\"anon-7\",\"event\":\"Added\"}"), CallType.TRACK,
                RECEIPT).orElseThrow();

        CloudEvent event = codec.decode(intake.events().get(0).bytes()).orElseThrow();
        assertThat(event.id()).hasSize(26);
        assertThat(event.time()).isEqualTo(NOW);
        assertThat(event.dataAs(WebTrack.class).event()).isEqualTo("Added");
        assertThat(intake.events().get(0).key()).isEqualTo("web:wk_test:anon-7");
    }

    @Test
    void single_badCalls_refusedNamingTheField() {
        assertThat(field("{\"event\":\"x\"}", CallType.TRACK)).isEqualTo("userId");
        assertThat(field("{\"userId\":\"u\"}", CallType.TRACK)).isEqualTo("event");
        assertThat(field("{\"userId\":5,\"event\":\"x\"}", CallType.TRACK)).isEqualTo("userId");
        assertThat(field("{\"userId\":\"u\",\"event\":\"x\",\"properties\":[]}", CallType.TRACK))
                .isEqualTo("properties");
        assertThat(field("{\"userId\":\"u\",\"messageId\":\"" + "m".repeat(101) + "\"}", CallType.PAGE))
                .isEqualTo("messageId");
        assertThat(field("{\"anonymousId\":\"a\\u0000b\"}", CallType.PAGE)).isEqualTo("anonymousId");
        assertThat(field("{\"userId\":\"u\",\"context\":{\"consent\":{\"tcString\":\"not-a-tc-string\"}}}",
                CallType.PAGE)).isEqualTo("context.consent.tcString");
        assertThat(field("{\"userId\":\"u\",\"context\":{\"tcString\":7}}", CallType.SCREEN))
                .isEqualTo("context.tcString");
        assertThat(field("{\"previousId\":\"a\"}", CallType.ALIAS)).isEqualTo("userId");
    }

    @Test
    void single_consentSignals_landInTheContext() {
        Intake intake = underTest.single(json("{\"userId\":\"u\",\"context\":{\"gpc\":false,"
                + "\"consent\":{\"tcString\":\"" + VALID_TCF + "\"}}}"), CallType.PAGE,
                Receipt.single("wk_test", true, NOW)).orElseThrow();

        String stored = new String(intake.events().get(0).bytes());
        assertThat(stored).contains("\"gpc\":true", "\"tcString\":\"" + VALID_TCF + "\"");
    }

    @Test
    void batch_duplicateMessageIdsAndGroupCalls_droppedAndCounted() {
        Intake intake = underTest.batch(json("{\"batch\":["
                + "{\"type\":\"track\",\"messageId\":\"m-1\",\"userId\":\"u\",\"event\":\"A\"},"
                + "{\"type\":\"group\",\"messageId\":\"m-2\",\"userId\":\"u\",\"groupId\":\"g\"},"
                + "{\"type\":\"track\",\"messageId\":\"m-1\",\"userId\":\"u\",\"event\":\"A\"},"
                + "{\"type\":\"page\",\"messageId\":\"m-3\",\"userId\":\"u\"}]}"), RECEIPT).orElseThrow();

        assertThat(intake.events()).extracting(CollectedEvent::id).containsExactly("m-1", "m-3");
        assertThat(intake.duplicates()).isEqualTo(1);
        assertThat(intake.unsupported()).isEqualTo(1);
    }

    @Test
    void batch_badShapes_refusedNamingTheField() {
        assertThat(batchField("{\"batch\":{}}")).isEqualTo("batch");
        assertThat(batchField("{\"batch\":[1]}")).isEqualTo("batch[0]");
        assertThat(batchField("{\"batch\":[{\"type\":\"boom\",\"userId\":\"u\"}]}")).isEqualTo("batch[0].type");
        assertThat(batchField("{\"batch\":[{\"type\":\"page\",\"userId\":\"u\"},"
                + "{\"type\":\"track\",\"userId\":\"u\"}]}"))
                .isEqualTo("batch[1].event");
        assertThat(batchField("{\"batch\":[],\"context\":3}")).isEqualTo("context");
        String many = String.join(",", Collections.nCopies(1001, "{}"));
        assertThat(batchField("{\"batch\":[" + many + "]}")).isEqualTo("batch");
    }

    @Test
    void batch_sharedContext_mergedUnderEachCallsOwn() {
        Intake intake = underTest.batch(json("{\"context\":{\"locale\":\"en\",\"app\":{\"name\":\"shop\"}},\"batch\":["
                + "{\"type\":\"page\",\"userId\":\"u\",\"context\":{\"locale\":\"de\"}}]}"), RECEIPT).orElseThrow();

        String stored = new String(intake.events().get(0).bytes());
        assertThat(stored).contains("\"locale\":\"de\"", "\"app\":{\"name\":\"shop\"}");
    }

    private String field(String call, CallType type) {
        Decoded<Intake> result = underTest.single(json(call), type, RECEIPT);
        return result.rejectionIfAny().map(Rejection::field).orElse("accepted");
    }

    private String batchField(String body) {
        return underTest.batch(json(body), RECEIPT).rejectionIfAny().map(Rejection::field).orElse("accepted");
    }

    static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 7);
        return bytes;
    }
}
