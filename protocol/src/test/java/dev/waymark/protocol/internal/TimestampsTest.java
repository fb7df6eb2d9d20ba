package dev.waymark.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @Property(tries = 2000)
    void parse_generatedTimestamps_agreesWithTheFormatterAndTakesTheFastPath(
            @ForAll("instants") Instant instant, @ForAll("offsets") ZoneOffset offset) {
        String text = OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        assertThat(Timestamps.fastPath(text)).isEqualTo(formatter(text)).contains(instant);
    }

    @Property(tries = 2000)
    void format_isExactlyInstantToString(@ForAll("instants") Instant instant) {
        assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
    }

    @Property(tries = 3000)
    void parse_mutatedTimestamps_acceptsAndRejectsExactlyWhatTheFormatterDoes(
            @ForAll("mutated") String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(formatter(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:15:00Z", "2026-11-23T10:15:00.1+01:00", "2026-02-29T10:15:00Z",
        "2024-02-29T24:00:00Z", "2026-11-23T10:15:60Z", "2026-11-23t10:15:00z", "2026-11-23T10:15Z",
        "2026-11-23T10:15:00.Z", "2026-11-23T10:15:00.1234567891Z", "2026-11-23T10:15:00+19:00",
        "2026-11-23T10:15:00-00:00", "2026-11-23T10:15:00+01:60", "0000-01-01T00:00:00Z", "2026-11-23 10:15:00Z",
        "2026-11-23T10:15:00", "+2026-11-23T10:15:00Z", "2026-1-23T10:15:00Z", "2026-11-23T10:15:00+0100"})
    void parse_edgeCases_matchTheFormatter(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(formatter(text));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0001-01-02T00:00:00Z").getEpochSecond(),
                Instant.parse("9998-12-30T00:00:00Z").getEpochSecond())
                .flatMap(seconds -> Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                                .map(ms -> ms * 1_000_000), Arbitraries.integers().between(0, 999_999_999))
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.oneOf(Arbitraries.just(ZoneOffset.UTC),
                Arbitraries.integers().between(-18 * 4, 18 * 4)
                        .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900)));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> valid = Arbitraries.of("2026-11-23T10:15:00Z", "2026-11-23T10:15:00.123+01:00",
                "1999-12-31T23:59:59.999999999-05:30");
        return valid.flatMap(text -> Arbitraries.integers().between(0, text.length() - 1).flatMap(at ->
                Arbitraries.of('0', '9', ':', '-', '+', 'T', 'Z', '.', 'x', ' ').map(c ->
                        text.substring(0, at) + c + text.substring(at + 1))));
    }

    private static Optional<Instant> formatter(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
