package dev.waymark.privacy;

import static dev.waymark.privacy.ScannerAssertions.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerDetectionTest {

    private final PiiScanner underTest = PiiScanner.standard();

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "Ann.O'Neil+promo@mail.example.co.uk", "x_y-z@sub-domain.shop"})
    void scan_emailInSentence_findsWholeAddress(String email) {
        assertThat(found(underTest, "Send it to " + email + ", thanks.")).containsExactly("EMAIL:" + email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "a..b@example.com", "@example.com", "name@example.c"})
    void scan_malformedEmail_findsNoEmail(String text) {
        assertThat(found(underTest, text)).noneMatch(match -> match.startsWith("EMAIL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(415) 555-2671", "415-555-2671", "+1 415 555 2671", "+44 20 7946 0958",
        "020 7946 0958", "+49 30 901820", "030 901820 55", "01 45 67 89 10", "+33 1 45 67 89 10", "555-2671"})
    void scan_phoneInRealFormat_findsWholeNumber(String phone) {
        assertThat(found(underTest, "Call me at " + phone + " tomorrow")).containsExactly("PHONE:" + phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "378282246310005",
        "5555 5555 5555 4444", "6011000990139424", "4222222222222", "6304000000000000000", "501864667909"})
    void scan_luhnValidCard_findsCard(String card) {
        assertThat(found(underTest, "card " + card + " please")).containsExactly("CARD:" + card);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "4111-1111 1111-1111", "411111111111", "41111111111111111111"})
    void scan_invalidCard_findsNoCard(String text) {
        assertThat(found(underTest, "card " + text)).noneMatch(match -> match.startsWith("CARD"));
    }

    @ParameterizedTest
    @CsvSource({"card 4111 1111 1111 1111 2 days ago, 4111 1111 1111 1111",
        "paid 3 times with 4111111111111111, 4111111111111111"})
    void scan_cardFollowedByNumber_findsLongestValidRun(String text, String card) {
        assertThat(found(underTest, text)).contains("CARD:" + card);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00",
        "de89370400440532013000", "FR14 2004 1010 0505 0001 3M02 606", "NO93 8601 1117 947"})
    void scan_validIban_findsIban(String iban) {
        assertThat(found(underTest, "IBAN: " + iban + " thanks")).containsExactly("IBAN:" + iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765433", "GB82WEST1234569876543", "XX82WEST12345698765432"})
    void scan_ibanWithBadChecksumOrLength_findsNoIban(String text) {
        assertThat(found(underTest, text)).noneMatch(match -> match.startsWith("IBAN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "8.8.8.8", "255.255.255.255", "2001:db8::1", "::1",
        "fe80::1ff:fe23:4567:890a",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:192.0.2.128", "6e40:4041:c617:e898:c11:40d2:c669:2eb4"})
    void scan_ipAddress_findsIp(String ip) {
        assertThat(found(underTest, "blocked from " + ip + ".")).containsExactly("IP:" + ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "10.2.3.4.5", "01.2.3.4", "1:2:3:4:5:6:7", "1::2::3", "12:30:45",
        "00:1A:2B:3C:4D:5E", "v1.2.3.4"})
    void scan_notAnIpAddress_findsNoIp(String text) {
        assertThat(found(underTest, "value " + text + " end")).noneMatch(match -> match.startsWith("IP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"460-89-9847", "023 01 0866", "772-21-0001"})
    void scan_issuableSsn_findsSsn(String ssn) {
        assertThat(found(underTest, "SSN " + ssn)).containsExactly("SSN:" + ssn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000",
        "078-05-1120", "123-45 6789", "123456789"})
    void scan_unissuableOrBareSsn_findsNoSsn(String text) {
        assertThat(found(underTest, "SSN " + text)).noneMatch(match -> match.startsWith("SSN"));
    }
}
