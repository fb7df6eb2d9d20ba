package dev.waymark.benchmarks.codec;

import dev.waymark.benchmarks.KioskEvents;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The strict codec on a kiosk session's events, beside a plain Yasson parse of the same bytes (decode) and a plain
 * Yasson write of the same records (encode): what validation, upcasting and binding cost over bare JSON.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    private final EventCodec codec = EventCodec.create();
    private Jsonb jsonb;
    private List<CloudEvent> events;
    private List<byte[]> bytes;
    private int next;

    @Setup
    public void setUp() {
        jsonb = JsonbBuilder.create();
        events = KioskEvents.session(64);
        bytes = KioskEvents.encoded(events);
    }

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
    }

    private int nextIndex() {
        next = (next + 1) & 63;
        return next;
    }

    @Benchmark
    public Decoded<CloudEvent> decode() {
        return codec.decode(bytes.get(nextIndex()));
    }

    @Benchmark
    public JsonObject decode_limit() {
        return jsonb.fromJson(new ByteArrayInputStream(bytes.get(nextIndex())), JsonObject.class);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(events.get(nextIndex()));
    }

    @Benchmark
    public byte[] encode_limit() {
        return jsonb.toJson(events.get(nextIndex())).getBytes(StandardCharsets.UTF_8);
    }
}
