package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentQrTest {

    private static final String FINGERPRINT = "ab".repeat(32);
    private final EnrollmentQr underTest = new EnrollmentQr("https://prov.example:8443/provisioning/v1",
            "wm1:kiosk:store-1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", FINGERPRINT);

    @Test
    void parse_ofPayload_roundTrips() {
        assertThat(EnrollmentQr.parse(underTest.payload()).acceptedValue()).contains(underTest);
    }

    @Test
    void readPng_ofWrittenPng_roundTrips(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("token.png");

        underTest.writePng(png);

        assertThat(Files.size(png)).isPositive();
        assertThat(EnrollmentQr.readPng(png).acceptedValue()).contains(underTest);
    }

    @Test
    void readPng_ofNonImage_isRejectedNamingQrFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.png"), "not an image");

        assertThat(EnrollmentQr.readPng(file).rejectionIfAny().orElseThrow().field()).isEqualTo("qrFile");
    }

    @Test
    void terminal_drawsSquareOfHalfBlocks() {
        String[] lines = underTest.terminal().split("\n");

        int width = lines[0].length();
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(width).matches("[ \u2580\u2584\u2588]+"));
        assertThat(lines.length).isEqualTo((width + 1) / 2);
        // The quiet zone is light: the first line is all full blocks.
        assertThat(lines[0]).matches("\u2588+");
    }

    @Test
    void parse_otherJsonOrVersion_isRejected() {
        assertThat(EnrollmentQr.parse("hello").isAccepted()).isFalse();
        assertThat(EnrollmentQr.parse("{\"v\":2}").rejectionIfAny().orElseThrow().field()).isEqualTo("v");
        assertThat(EnrollmentQr.parse("{\"v\":1,\"url\":\"http://x\",\"token\":\"t\",\"ca\":\"" + FINGERPRINT
                + "\"}").rejectionIfAny().orElseThrow().reason()).contains("url");
    }

    @Test
    void constructor_badFingerprint_isRejectedNamingIt() {
        assertThatThrownBy(() -> new EnrollmentQr("https://x", "t", "ABC"))
                .hasMessageStartingWith("caFingerprint:");
    }

    @Test
    void toString_hidesToken() {
        assertThat(underTest.toString()).doesNotContain("AAAAAAAA");
    }

    @Test
    void equalsAndHashCode_followValues() {
        EnrollmentQr same = new EnrollmentQr(underTest.url(), underTest.token(), underTest.caFingerprint());
        EnrollmentQr other = new EnrollmentQr(underTest.url(), "other", underTest.caFingerprint());

        assertThat(underTest).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    }
}
