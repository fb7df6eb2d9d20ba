package dev.waymark.privacy.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.waymark.protocol.PersonalData;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings a value to one canonical form per kind before it is hashed, so that the same identity typed two ways gives
 * the same token: {@code " Ann@Example.COM"} and {@code "ann@example.com"}, {@code "(415) 555-2671"} and
 * {@code "+14155552671"}, {@code "4111 1111 1111 1111"} and {@code "4111-1111-1111-1111"}.
 */
public final class Normalization {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Normalization() {
    }

    /** The canonical form of {@code value} as a {@code kind}; {@code region} resolves national phone numbers. */
    public static String normalize(PersonalData kind, String value, String region) {
        return switch (kind) {
            case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
            case PHONE -> phone(value, region);
            case PAYMENT_CARD, SSN -> value.replaceAll("[^0-9]", "");
            case IBAN, LOYALTY_ID -> value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            case IP_ADDRESS -> value.strip().toLowerCase(Locale.ROOT);
            case CUSTOMER_ID -> value.strip();
            case PERSON_NAME, POSTAL_ADDRESS, FREE_TEXT -> Normalizer.normalize(value, Normalizer.Form.NFKC)
                    .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        };
    }

    /**
     * E.164 ({@code +14155552671}). A value libphonenumber cannot parse keeps its digits and a leading plus, so the
     * same unparseable input still gives the same token.
     */
    private static String phone(String value, String region) {
        try {
            return PHONES.format(PHONES.parse(value, region), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            String digits = value.replaceAll("[^0-9]", "");
            return value.strip().startsWith("+") ? "+" + digits : digits;
        }
    }
}
