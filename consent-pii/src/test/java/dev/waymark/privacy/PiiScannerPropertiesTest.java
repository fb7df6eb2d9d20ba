package dev.waymark.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.privacy.internal.CardDetector;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class PiiScannerPropertiesTest {

    private final PiiScanner underTest = PiiScanner.standard();

    @Property(tries = 300)
    void scan_anyText_returnsSortedNonOverlappingMatchesInsideTheText(@ForAll @StringLength(max = 200) String text) {
        List<PiiMatch> matches = underTest.scan(text);

        for (int i = 0; i < matches.size(); i++) {
            assertThat(matches.get(i).end()).isLessThanOrEqualTo(text.length());
            if (i > 0) {
                assertThat(matches.get(i).start()).isGreaterThanOrEqualTo(matches.get(i - 1).end());
            }
        }
    }

    @Property(tries = 300)
    void scan_luhnValidSixteenDigitsInSentence_findsExactlyThatCard(@ForAll("cards") String card) {
        String text = "I paid with " + card + " yesterday";

        assertThat(ScannerAssertions.found(underTest, text)).containsExactly("CARD:" + card);
    }

    @Provide
    Arbitrary<String> cards() {
        return Arbitraries.strings().numeric().ofLength(15).map(body -> "4" + body.substring(1))
                .map(body -> body + checkDigit(body));
    }

    private static int checkDigit(String body) {
        for (int digit = 0; digit < 10; digit++) {
            if (CardDetector.luhn(body + digit)) {
                return digit;
            }
        }
        throw new AssertionError("a Luhn check digit always exists");
    }
}
