package dev.waymark.privacy;

import static dev.waymark.privacy.TextMaskerTest.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.PersonalData;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMaskerTest {

    private static final PseudonymizationKey NEW = PseudonymizationKey.of("k2", filled(2));
    private static final PseudonymizationKey OLD = PseudonymizationKey.of("k1", filled(1));
    private static final Map<String, PersonalData> FIELDS = Map.of(
            "email", PersonalData.EMAIL,
            "card", PersonalData.PAYMENT_CARD,
            "ip", PersonalData.IP_ADDRESS,
            "customer.name", PersonalData.PERSON_NAME,
            "customer.loyaltyId", PersonalData.LOYALTY_ID,
            "comment", PersonalData.FREE_TEXT);

    private final EventMasker underTest = EventMasker.create(MaskingPolicy.defaults(), KeyRing.of(NEW),
            PiiScanner.standard());

    @Test
    void mask_defaultPolicy_appliesEachKindsStrategyAndKeepsOtherFields() {
        JsonObject masked = underTest.mask(json("{'email':'Ann@Example.com','card':'4111 1111 1111 1111',"
                + "'ip':'10.0.0.7','customer':{'name':'Ann Lee','loyaltyId':'WM-1234','tier':'gold'},"
                + "'comment':'call me','sku':'SKU-88213-XL'}"), FIELDS);

        assertThat(masked.getString("email"))
                .isEqualTo(Pseudonymizer.of(NEW).token(PersonalData.EMAIL, "ann@example.com"));
        assertThat(masked.getString("card")).isEqualTo("****1111");
        assertThat(masked.getString("ip")).isEqualTo("[IP]");
        assertThat(masked.getJsonObject("customer").containsKey("name")).isFalse();
        assertThat(masked.getJsonObject("customer").getString("loyaltyId")).startsWith("tok:k2:");
        assertThat(masked.getJsonObject("customer").getString("tier")).isEqualTo("gold");
        assertThat(masked.containsKey("comment")).isFalse();
        assertThat(masked.getString("sku")).isEqualTo("SKU-88213-XL");
        assertThat(masked.containsKey("emailTokens")).isFalse();
    }

    @Test
    void mask_freeTextOptedIntoScan_masksStructuredPiiInside() {
        EventMasker masker = EventMasker.create(MaskingPolicy.defaults().withField("comment", MaskingStrategy.SCAN),
                KeyRing.of(NEW), PiiScanner.standard());

        JsonObject masked = masker.mask(json("{'comment':'Ann here, mail ann@example.com'}"), FIELDS);

        assertThat(masked.getString("comment")).isEqualTo("Ann here, mail [EMAIL]");
    }

    @Test
    void redacting_policyWithoutTokens_redactsIdentifiersAndScansWithoutKeys() {
        EventMasker masker = EventMasker.redacting(
                MaskingPolicy.defaults().withField("comment", MaskingStrategy.SCAN).withoutTokens(),
                PiiScanner.standard());

        JsonObject masked = masker.mask(json("{'email':'ann@example.com','card':'4111 1111 1111 1111',"
                + "'comment':'mail ann@example.com'}"), FIELDS);

        assertThat(masked.getString("email")).isEqualTo("[EMAIL]");
        assertThat(masked.getString("card")).isEqualTo("****1111");
        assertThat(masked.getString("comment")).isEqualTo("mail [EMAIL]");
    }

    @Test
    void redacting_policyThatTokenises_isRefused() {
        assertThatThrownBy(() -> EventMasker.redacting(MaskingPolicy.defaults(), PiiScanner.standard()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy");
    }

    @Test
    void mask_inRotationWindow_addsSiblingWithEveryKeysToken() {
        KeyRing ring = KeyRing.rotating(NEW, OLD, "US");
        EventMasker masker = EventMasker.create(MaskingPolicy.defaults(), ring, PiiScanner.standard());

        JsonObject masked = masker.mask(json("{'email':'ann@example.com'}"), FIELDS);

        assertThat(masked.getString("email")).isEqualTo(ring.token(PersonalData.EMAIL, "ann@example.com"));
        assertThat(masked.getJsonArray("emailTokens").getValuesAs(JsonString::getString))
                .containsExactlyElementsOf(ring.tokens(PersonalData.EMAIL, "ann@example.com"));
    }

    @Test
    void mask_arrayField_masksEachElement() {
        JsonObject masked = underTest.mask(json("{'ip':['10.0.0.7','::1']}"), FIELDS);

        assertThat(masked.getJsonArray("ip").getValuesAs(JsonString::getString)).containsExactly("[IP]", "[IP]");
    }

    @Test
    void mask_pathThroughArrayOfObjects_masksTheFieldInEveryObject() {
        JsonObject masked = underTest.mask(json("{'items':[{'email':'a@example.com'},{'email':'b@example.com'}]}"),
                Map.of("items.email", PersonalData.EMAIL));

        assertThat(masked.getJsonArray("items").getJsonObject(1).getString("email")).startsWith("tok:k2:");
    }

    @Test
    void mask_numberField_becomesMaskedString() {
        JsonObject masked = underTest.mask(json("{'card':4111111111111111}"), FIELDS);

        assertThat(masked.getString("card")).isEqualTo("****1111");
    }

    @Test
    void mask_personalFieldHoldingAnObject_isDropped() {
        JsonObject masked = underTest.mask(json("{'email':{'address':'ann@example.com'}}"), FIELDS);

        assertThat(masked.containsKey("email")).isFalse();
    }

    @Test
    void mask_absentOrNullFields_areLeftAsTheyWere() {
        JsonObject data = json("{'email':null,'other':1}");

        assertThat(underTest.mask(data, FIELDS)).isEqualTo(data);
    }

    @Test
    void partial_shortValue_keepsNothing() {
        assertThat(EventMasker.partial("12-34")).isEqualTo("****");
        assertThat(EventMasker.partial("GB82 WEST 1234 5698 7654 32")).isEqualTo("****5432");
    }

    private static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }
}
