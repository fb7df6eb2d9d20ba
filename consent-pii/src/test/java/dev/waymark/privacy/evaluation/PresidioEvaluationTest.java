package dev.waymark.privacy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import dev.waymark.privacy.PiiScanner;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Span-level precision and recall of {@link PiiScanner#standard()} on presidio-research's synthetic PII set
 * (synth_dataset_v2.json, 1,500 texts). Two match rules: exact (same start and end) and overlap (at least one shared
 * character). "Any-PII precision" counts a reported span as right when it overlaps a labelled span of any type,
 * which shows where the wrong ones land (house numbers of street addresses, for phones).
 */
class PresidioEvaluationTest {

    private static final Map<String, PiiKind> ENTITIES = new LinkedHashMap<>();
    private static final Map<String, Double> RECALL_TARGETS = new LinkedHashMap<>();

    static {
        ENTITIES.put("EMAIL_ADDRESS", PiiKind.EMAIL);
        ENTITIES.put("CREDIT_CARD", PiiKind.CARD);
        ENTITIES.put("IBAN_CODE", PiiKind.IBAN);
        ENTITIES.put("IP_ADDRESS", PiiKind.IP);
        ENTITIES.put("US_SSN", PiiKind.SSN);
        ENTITIES.put("PHONE_NUMBER", PiiKind.PHONE);
        ENTITIES.keySet().forEach(entity -> RECALL_TARGETS.put(entity, 0.99));
        RECALL_TARGETS.put("PHONE_NUMBER", 0.95);
    }

    private static final Map<String, SpanCounts> EXACT = new LinkedHashMap<>();
    private static final Map<String, SpanCounts> OVERLAP = new LinkedHashMap<>();
    private static final Map<String, SpanCounts> ANY_PII = new LinkedHashMap<>();
    private static final Map<String, List<String>> MISSED = new LinkedHashMap<>();

    private final PiiScanner underTest = PiiScanner.standard();

    @BeforeAll
    static void requireDataset() {
        TestDatasets.require("presidio_synth_pii");
    }

    @Test
    void standardScanner_onPresidioSynthPii_meetsRecallTargetsPerEntity() throws IOException {
        for (JsonValue value : readSamples()) {
            evaluate(value.asJsonObject());
        }
        System.out.println(table());
        MISSED.forEach((entity, missed) -> System.out.println("missed " + entity + ": " + missed));
        for (Map.Entry<String, Double> target : RECALL_TARGETS.entrySet()) {
            assertThat(OVERLAP.get(target.getKey()).recall())
                    .as("overlap recall of %s", target.getKey())
                    .isGreaterThanOrEqualTo(target.getValue());
        }
    }

    private void evaluate(JsonObject sample) {
        String text = sample.getString("full_text");
        List<PiiMatch> matches = underTest.scan(text);
        List<int[]> anyLabelled = new ArrayList<>();
        Map<String, List<int[]>> labelled = new LinkedHashMap<>();
        for (JsonValue spanValue : sample.getJsonArray("spans")) {
            JsonObject span = spanValue.asJsonObject();
            int[] range = {span.getInt("start_position"), span.getInt("end_position")};
            anyLabelled.add(range);
            labelled.computeIfAbsent(span.getString("entity_type"), type -> new ArrayList<>()).add(range);
        }
        Map<PiiKind, List<int[]>> predicted = new EnumMap<>(PiiKind.class);
        for (PiiMatch match : matches) {
            predicted.computeIfAbsent(match.kind(), kind -> new ArrayList<>())
                    .add(new int[] {match.start(), match.end()});
        }
        ENTITIES.forEach((entity, kind) -> {
            List<int[]> gold = labelled.getOrDefault(entity, List.of());
            List<int[]> found = predicted.getOrDefault(kind, List.of());
            EXACT.merge(entity, counts(gold, found, false), SpanCounts::plus);
            OVERLAP.merge(entity, counts(gold, found, true), SpanCounts::plus);
            ANY_PII.merge(entity, counts(anyLabelled, found, true), SpanCounts::plus);
            for (int[] span : gold) {
                if (found.stream().noneMatch(candidate -> matches(span, candidate, true))) {
                    MISSED.computeIfAbsent(entity, e -> new ArrayList<>()).add(text.substring(span[0], span[1]));
                }
            }
        });
    }

    private static SpanCounts counts(List<int[]> gold, List<int[]> found, boolean overlap) {
        int hits = (int) gold.stream().filter(g -> found.stream().anyMatch(f -> matches(g, f, overlap))).count();
        int correct = (int) found.stream().filter(f -> gold.stream().anyMatch(g -> matches(g, f, overlap))).count();
        return new SpanCounts(gold.size(), hits, found.size(), correct);
    }

    private static boolean matches(int[] gold, int[] found, boolean overlap) {
        return overlap ? gold[0] < found[1] && found[0] < gold[1] : gold[0] == found[0] && gold[1] == found[1];
    }

    private static String table() {
        StringBuilder table = new StringBuilder(
                "| entity | labelled | precision (exact) | recall (exact) | precision (overlap) | recall (overlap) "
                        + "| any-PII precision |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        SpanCounts exactTotal = SpanCounts.ZERO;
        SpanCounts overlapTotal = SpanCounts.ZERO;
        SpanCounts anyTotal = SpanCounts.ZERO;
        for (String entity : ENTITIES.keySet()) {
            table.append(row(entity, EXACT.get(entity), OVERLAP.get(entity), ANY_PII.get(entity)));
            exactTotal = exactTotal.plus(EXACT.get(entity));
            overlapTotal = overlapTotal.plus(OVERLAP.get(entity));
            anyTotal = anyTotal.plus(ANY_PII.get(entity));
        }
        return table.append(row("all six", exactTotal, overlapTotal, anyTotal)).toString();
    }

    private static String row(String entity, SpanCounts exact, SpanCounts overlap, SpanCounts any) {
        return String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", entity, exact.labelled(),
                exact.precision(), exact.recall(), overlap.precision(), overlap.recall(), any.precision());
    }

    private static JsonArray readSamples() throws IOException {
        Path file = TestDatasets.require("presidio_synth_pii").resolve("synth_dataset_v2.json");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader json = Json.createReader(reader)) {
            return json.readArray();
        }
    }
}
