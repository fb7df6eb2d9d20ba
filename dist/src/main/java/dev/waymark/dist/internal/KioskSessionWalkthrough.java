package dev.waymark.dist.internal;

import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.MaskingStrategy;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.ParsedEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.PersonalData;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.Feedback;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Search;
import dev.waymark.protocol.event.SessionStart;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shopper's kiosk session, from the UI's raw JSON to what the agent would store and send: parsed by the strict
 * codec, masked field by field (the feedback comment opted into scanning), validated again and encoded.
 */
final class KioskSessionWalkthrough {

    /** What the walk-through did; {@code leaked} lists the raw values found in the output (it should be empty). */
    record Result(int events, int maskedFields, int freeTextFields, List<String> leaked) {
    }

    // Made-up values a shopper might type; the walk-through checks none of them reaches the output.
    private static final String LOYALTY_CARD = "6012 4410 7731 0085";
    private static final String EMAIL = "jo.shopper@example.org";
    private static final String PHONE = "+1 415 555 0132";

    private final PrintWriter out;
    private final EventCodec codec = EventCodec.create();

    KioskSessionWalkthrough(PrintWriter out) {
        this.out = out;
    }

    Result run() {
        byte[] secret = new byte[PseudonymizationKey.MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        EventMasker masker = EventMasker.create(
                MaskingPolicy.defaults().withField("comment", MaskingStrategy.SCAN),
                KeyRing.of(PseudonymizationKey.of("demo", secret)),
                PiiScanner.standard());
        StringBuilder emitted = new StringBuilder();
        int masked = 0;
        int freeText = 0;
        List<CloudEvent> session = session();
        for (CloudEvent raw : session) {
            ParsedEvent parsed = codec.parse(codec.encode(raw)).orElseThrow();
            Map<String, PersonalData> personal = parsed.type().personalFields();
            ParsedEvent safe = parsed.withData(masker.mask(parsed.data(), personal));
            String json = new String(codec.encode(safe.bind().orElseThrow()), StandardCharsets.UTF_8);
            emitted.append(json).append('\n');
            for (Map.Entry<String, PersonalData> field : personal.entrySet()) {
                if (parsed.data().containsKey(field.getKey())) {
                    masked++;
                    freeText += field.getValue() == PersonalData.FREE_TEXT ? 1 : 0;
                }
            }
            out.printf("  %-26s %s%n", parsed.type().name(), safe.data());
        }
        List<String> leaked = new ArrayList<>();
        for (String raw : List.of(LOYALTY_CARD, EMAIL, PHONE, "Cold Ridge")) {
            if (emitted.indexOf(raw) >= 0) {
                leaked.add(raw.equals("Cold Ridge") ? "search query" : "a raw identifier");
            }
        }
        return new Result(session.size(), masked, freeText, leaked);
    }

    private static List<CloudEvent> session() {
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
        Source kiosk = Source.device("store-0042", "kiosk-07");
        String session = "ks_" + ids.next().value().substring(10).toLowerCase(java.util.Locale.ROOT);
        List<Payload> payloads = List.of(
                new SessionStart(session, "en-US"),
                new Search(session, Optional.of("Cold Ridge trail shoes"), 3),
                new ProductView(session, "SKU-10452", "running-shoes", 12_999, "USD"),
                new CartAdd(session, "SKU-10452", "running-shoes", 1, 12_999, "USD"),
                new LoyaltyScan(session, LOYALTY_CARD),
                new Feedback(session, 4, Optional.of("Call me on " + PHONE + " or mail " + EMAIL + " about sizes")));
        List<CloudEvent> events = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(CloudEvent.of(ids.next(), kiosk, now.plusSeconds(5L * i), i + 1, payloads.get(i)));
        }
        return events;
    }
}
