package dev.waymark.benchmarks.decision;

import dev.waymark.decision.DecisionPipeline;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.DecisionResult;
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
 * One inbound kiosk decision over a 200-action catalog (about 22 candidates pre-selected by the channel and
 * placement index), with realistic CEL rules and Thompson sampling, beside its limit: the same pipeline and
 * policies with every rule {@code true} and exploration off (posterior mean, no Beta draws). Throughput gives
 * decisions per second on one thread; SampleTime gives the latency distribution (read p0.99).
 */
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private static final int REQUESTS = 256;

    private DecisionPipeline pipeline;
    private DecisionPipeline limit;
    private DecisionRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        pipeline = DecisionPipeline.create(DecisionWorkload.compiled(true), DecisionWorkload.policies(true),
                DecisionWorkload.model(), 42);
        limit = DecisionPipeline.create(DecisionWorkload.compiled(false), DecisionWorkload.policies(false),
                DecisionWorkload.model(), 42);
        requests = DecisionWorkload.requests(REQUESTS);
    }

    private DecisionRequest nextRequest() {
        next = (next + 1) & (REQUESTS - 1);
        return requests[next];
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DecisionResult decide() {
        return pipeline.decide(nextRequest());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DecisionResult decide_limit() {
        return limit.decide(nextRequest());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public DecisionResult latency() {
        return pipeline.decide(nextRequest());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public DecisionResult latency_limit() {
        return limit.decide(nextRequest());
    }
}
