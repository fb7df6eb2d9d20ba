package dev.waymark.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.privacy.evaluation.TestDatasets;
import dev.waymark.protocol.Channel;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TcfConsentTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void decode_everyV2TestVector_decodesWithTheAssertedFields() throws IOException {
        List<JsonObject> vectors = vectors("v2");

        assertThat(vectors).hasSize(10);
        for (JsonObject vector : vectors) {
            TcfDecoding decoding = TcfConsent.decode(vector.getString("tc_string"));
            assertThat(decoding).as(vector.getString("test")).isInstanceOf(TcfDecoding.Decoded.class);
            TcfConsent underTest = ((TcfDecoding.Decoded) decoding).consent();
            JsonObject expect = vector.getJsonObject("expect");
            if (expect.containsKey("version")) {
                assertThat(underTest.version()).isEqualTo(expect.getInt("version"));
                assertThat(underTest.cmpId()).isEqualTo(expect.getInt("cmpId"));
                assertThat(underTest.policyVersion()).isEqualTo(expect.getInt("tcfPolicyVersion"));
                assertThat(underTest.created()).isEqualTo(Instant.parse(expect.getString("created")));
                assertThat(underTest.lastUpdated()).isEqualTo(Instant.parse(expect.getString("lastUpdated")));
                assertThat(underTest.purposeOneTreatment()).isEqualTo(expect.getBoolean("purposeOneTreatment"));
            }
            if (expect.containsKey("purposesConsent")) {
                assertThat(underTest.purposesConsent()).isEqualTo(ints(expect, "purposesConsent"));
            }
            if (expect.containsKey("purposesConsent_containsAll")) {
                assertThat(underTest.purposesConsent()).containsAll(ints(expect, "purposesConsent_containsAll"));
            }
        }
    }

    @Test
    void decode_v1Strings_areRejectedNamingTheVersion() throws IOException {
        for (JsonObject vector : vectors("v1")) {
            assertThat(TcfConsent.decode(vector.getString("tc_string")))
                    .isEqualTo(new TcfDecoding.Rejected("tcString: TCF version 1 is not supported, only version 2"));
        }
    }

    @Test
    void decode_invalidVectors_areRejectedNamingTcString() throws IOException {
        for (JsonObject vector : vectors("invalid")) {
            TcfDecoding decoding = TcfConsent.decode(vector.getString("tc_string"));
            assertThat(decoding).as(vector.getString("test")).isInstanceOf(TcfDecoding.Rejected.class);
            assertThat(((TcfDecoding.Rejected) decoding).reason()).startsWith("tcString:");
        }
    }

    @Test
    void decode_emptyOrNotBase64_isRejected() {
        assertThat(TcfConsent.decode(" ")).isEqualTo(new TcfDecoding.Rejected("tcString: empty"));
        assertThat(TcfConsent.decode("not a tc string!")).isInstanceOf(TcfDecoding.Rejected.class);
    }

    @Test
    void purposes_firstVector_grantsNothingBecausePurposeOneAndMostPurposesLackConsent() {
        TcfConsent underTest = decoded("COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA");

        assertThat(underTest.purposes()).isEqualTo(Map.of(Purpose.MARKETING, ConsentStatus.DENIED,
                Purpose.PERSONALIZATION, ConsentStatus.DENIED, Purpose.ANALYTICS, ConsentStatus.DENIED));
    }

    @Test
    void purposes_eachOfOursNeedsPurposeOneAndAllItsMappedPurposes() {
        TcfConsent underTest = consent(Set.of(1, 2, 3, 4, 7, 8, 9, 10, 5, 6), false);

        assertThat(underTest.purposes()).containsEntry(Purpose.MARKETING, ConsentStatus.GRANTED)
                .containsEntry(Purpose.ANALYTICS, ConsentStatus.GRANTED)
                .containsEntry(Purpose.PERSONALIZATION, ConsentStatus.DENIED);
        assertThat(consent(Set.of(2, 3, 4), false).purposes()).containsEntry(Purpose.MARKETING, ConsentStatus.DENIED);
        assertThat(consent(Set.of(2, 3, 4), true).purposes()).containsEntry(Purpose.MARKETING, ConsentStatus.GRANTED);
    }

    @Test
    void toRecords_makesOneRecordPerPurposeWithTheStringAsEvidence() {
        TcfConsent underTest = consent(Set.of(1, 2, 3, 4), false);

        List<ConsentRecord> records = underTest.toRecords("p1", Channel.WEB, NOW);

        assertThat(records).extracting(ConsentRecord::purpose)
                .containsExactly(Purpose.MARKETING, Purpose.PERSONALIZATION, Purpose.ANALYTICS);
        assertThat(records.get(0)).isEqualTo(new ConsentRecord("p1", Purpose.MARKETING, Set.of(Channel.WEB),
                ConsentStatus.GRANTED, "tcf", NOW, "TC"));
    }

    private static TcfConsent consent(Set<Integer> purposes, boolean purposeOneTreatment) {
        return new TcfConsent("TC", 2, 2, 1, NOW, NOW, purposes, purposeOneTreatment);
    }

    private static TcfConsent decoded(String tcString) {
        return ((TcfDecoding.Decoded) TcfConsent.decode(tcString)).consent();
    }

    private static Set<Integer> ints(JsonObject expect, String key) {
        return expect.getJsonArray(key).getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue)
                .collect(Collectors.toSet());
    }

    private static List<JsonObject> vectors(String group) throws IOException {
        Path file = TestDatasets.require("iab_tcf_v2_test_vectors")
                .resolve("tcf_test_vectors.json");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader json = Json.createReader(reader)) {
            return json.readObject().getJsonArray(group).stream().map(JsonValue::asJsonObject)
                    .filter(vector -> vector.containsKey("tc_string")).toList();
        }
    }
}
