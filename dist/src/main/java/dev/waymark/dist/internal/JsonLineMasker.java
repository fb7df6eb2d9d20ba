package dev.waymark.dist.internal;

import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskStyle;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.MaskingStrategy;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Masks CloudEvents the way a kiosk agent does: parse and validate with the strict codec, mask each personal field
 * the payload type declares, validate again and write the event back. A line holding a JSON array is a batch.
 */
final class JsonLineMasker implements LineMasker {

    private final EventCodec codec = EventCodec.create();
    private final EventMasker masker;

    /** Tokens when {@code keys} is present; otherwise every field that would be tokenised is redacted. */
    JsonLineMasker(PiiScanner scanner, Optional<KeyRing> keys, List<String> scannedFields) {
        MaskingPolicy policy = MaskingPolicy.defaults().withScanStyle(MaskStyle.TOKEN);
        for (String field : scannedFields) {
            policy = policy.withField(field, MaskingStrategy.SCAN);
        }
        this.masker = keys.isPresent()
                ? EventMasker.create(policy, keys.get(), scanner)
                : EventMasker.redacting(policy.withoutTokens(), scanner);
    }

    @Override
    public Masked mask(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        boolean batch = line.stripLeading().startsWith("[");
        Decoded<String> masked = batch
                ? codec.parseBatch(bytes)
                        .flatMap(events -> ParsedEvent.bindAll(events.stream().map(this::masked).toList()))
                        .map(events -> text(codec.encodeBatch(events)))
                : codec.parse(bytes).flatMap(event -> masked(event).bind()).map(event -> text(codec.encode(event)));
        if (masked instanceof Decoded.Rejected<String> rejected) {
            return new Masked.Rejected(rejected.rejection().message());
        }
        return new Masked.Line(masked.orElseThrow());
    }

    private ParsedEvent masked(ParsedEvent event) {
        return event.withData(masker.mask(event.data(), event.type().personalFields()));
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
