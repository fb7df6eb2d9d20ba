package dev.waymark.benchmarks.cloud;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A fixed-rate load generator for {@code POST /v1/decisions}, run in its own JVM (wrk has no fixed-rate mode and
 * wrk2 is not in Debian). Request {@code i} is due at {@code start + i / rate}; its latency is measured from that
 * due time, not from when it was sent, so a stalled server is charged for the requests it delayed (corrected for
 * coordinated omission, as wrk2 does). Arguments: port, secret key, rate/s, seconds, profiles, warm-up seconds.
 * Prints one line {@code RESULT p50Micros p99Micros p999Micros maxMicros completed errors achievedPerSecond}.
 */
public final class PacedDecisions {

    private PacedDecisions() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int profiles = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(128));
        run(client, key, rate, warmup, profiles, new Recorder(3), new AtomicLong(), new AtomicLong());
        Recorder latency = new Recorder(3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        run(client, key, rate, seconds, profiles, latency, completed, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram h = latency.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "RESULT %d %d %d %d %d %d %.1f%n", h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(), completed.get(),
                errors.get(), completed.get() / elapsed);
        vertx.close().await(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    // Sends rate x seconds requests on schedule, then waits (at most 10 s) for the last answers; a request still
    // unanswered then counts as an error.
    private static void run(HttpClient client, String key, int rate, int seconds, int profiles, Recorder latency,
            AtomicLong completed, AtomicLong errors) throws InterruptedException {
        long total = (long) rate * seconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        AtomicLong answered = new AtomicLong();
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            Buffer body = Buffer.buffer(CloudSetup.decisionBody(i % profiles));
            client.request(HttpMethod.POST, "/v1/decisions")
                    .compose(request -> request.putHeader("Authorization", "Bearer " + key)
                            .putHeader("Content-Type", "application/json").send(body))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(result -> {
                        latency.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                        if (result.succeeded() && result.result() == 200) {
                            completed.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        answered.incrementAndGet();
                    });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answered.get() < total && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        errors.addAndGet(total - answered.get());
    }
}
