package dev.waymark.benchmarks.masking;

import dev.waymark.benchmarks.FreeText;
import dev.waymark.benchmarks.KioskEvents;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.MaskingStrategy;
import dev.waymark.privacy.PiiMatch;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.ParsedEvent;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Masking on kiosk free text and events. The scanner is measured beside one pass of {@code String.indexOf} over the
 * same text (the least any scanner must do: read every character once); the event masker beside a plain copy of the
 * same JSON object (the least a masker that returns a new object must do).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MaskingBenchmark {

    private static final int SIZE = 64;

    private final PiiScanner scanner = PiiScanner.standard();
    private final JsonBuilderFactory json = Json.createBuilderFactory(Map.of());
    private EventMasker masker;
    private List<String> texts;
    private List<ParsedEvent> events;
    private int next;

    @Setup
    public void setUp() {
        byte[] secret = new byte[PseudonymizationKey.MIN_SECRET_BYTES];
        java.util.Arrays.fill(secret, (byte) 42);
        masker = EventMasker.create(MaskingPolicy.defaults().withField("comment", MaskingStrategy.SCAN),
                KeyRing.of(PseudonymizationKey.of("bench", secret)), scanner);
        texts = FreeText.sample(SIZE, 3);
        EventCodec codec = EventCodec.create();
        events = KioskEvents.encoded(KioskEvents.session(SIZE)).stream()
                .map(bytes -> codec.parse(bytes).orElseThrow()).toList();
    }

    private int nextIndex() {
        next = (next + 1) % SIZE;
        return next;
    }

    @Benchmark
    public List<PiiMatch> scan() {
        return scanner.scan(texts.get(nextIndex()));
    }

    @Benchmark
    public int scan_limit() {
        // U+0000 never occurs in the text, so indexOf reads every character once.
        return texts.get(nextIndex()).indexOf('\u0000');
    }

    @Benchmark
    public JsonObject maskEvent() {
        ParsedEvent event = events.get(nextIndex());
        return masker.mask(event.data(), event.type().personalFields());
    }

    @Benchmark
    public JsonObject maskEvent_limit() {
        return json.createObjectBuilder(events.get(nextIndex()).data()).build();
    }
}
