package dev.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskCommandTest {

    @TempDir
    Path dir;

    @Test
    void redact_replacesEachKindWithItsLabelAndKeepsTheRest() throws IOException {
        Path text = write("in.txt", """
                Reach me at ana.garcia@example.com or (415) 555-0132, thanks
                Card 4111 1111 1111 1111 from 192.168.10.23, IBAN DE89 3704 0044 0532 0130 00, SSN 536-22-1234
                Order ORD-2024-000123 shipped 2026-11-23T10:15:00Z, SKU-88213-XL
                """);

        CommandRun run = CommandRun.of("mask", text.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "Reach me at [EMAIL] or [PHONE], thanks",
                "Card [CARD] from [IP], IBAN [IBAN], SSN [SSN]",
                "Order ORD-2024-000123 shipped 2026-11-23T10:15:00Z, SKU-88213-XL");
    }

    @Test
    void token_withoutKeystore_isAUsageErrorSayingWhatIsNeeded() throws IOException {
        CommandRun run = CommandRun.of("mask", "--policy", "token", write("in.txt", "a@b.example").toString());

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(run.err()).contains("--keystore");
    }

    @Test
    void missingFile_isAUsageErrorNamingTheFile() {
        CommandRun run = CommandRun.of("mask", dir.resolve("nope.txt").toString());

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(run.err()).contains("nope.txt").contains("no such file");
    }

    @Test
    void unknownPolicy_isAUsageErrorListingTheChoices() {
        CommandRun run = CommandRun.of("mask", "--policy", "shred");

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(run.err()).contains("shred").contains("redact, token");
    }

    @Test
    void json_masksDeclaredFieldsAndRejectsBadLinesNamingTheField() throws IOException {
        Path events = write("events.jsonl", String.join("\n",
                loyaltyScan("01JD8Q2W4M5N6P7Q8R9S0T1V2W", "6012 4410 7731 0085"),
                "{\"specversion\":\"1.0\",\"id\":\"x\"}",
                loyaltyScan("01JD8Q2W4M5N6P7Q8R9S0T1V2X", "6012 4410 7731 0086")) + "\n");

        CommandRun run = CommandRun.of("mask", "--json", events.toString());

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.REJECTED);
        assertThat(run.out().lines()).hasSize(2).allSatisfy(line ->
                assertThat(line).contains("\"loyaltyId\":\"[LOYALTY_ID]\"").doesNotContain("6012"));
        assertThat(run.err()).contains("events.jsonl:2: rejected:");
    }

    static String loyaltyScan(String id, String card) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"wm:/s/store-1/d/kiosk-1\","
                + "\"type\":\"wm.kiosk.loyalty_scan\",\"time\":\"2026-11-23T10:15:00Z\",\"wmseq\":7,"
                + "\"datacontenttype\":\"application/json\",\"dataschema\":\"wm:schema/wm.kiosk.loyalty_scan/1\","
                + "\"data\":{\"sessionId\":\"ks_1\",\"loyaltyId\":\"" + card + "\"}}";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
