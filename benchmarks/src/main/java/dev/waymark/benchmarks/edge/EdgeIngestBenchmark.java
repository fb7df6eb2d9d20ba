package dev.waymark.benchmarks.edge;

import dev.waymark.edge.CaptureResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable kiosk events per second: {@code capture} is the agent's whole path for a batch of 50 UI captures
 * (envelope, validation, masking, encoding, SQLite commit, acknowledged once committed); {@code capture_limit}
 * inserts rows of the same size in batches of 50 into a SQLite file with the agent's settings (WAL,
 * {@code synchronous=FULL}), one transaction per batch: what the disk allows when nothing else is done. With
 * {@code -t N}, N threads capture at once (N kiosk screens or connections), and the agent's single writer commits
 * what they queued together; the limit's batches still commit one after another on its one connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class EdgeIngestBenchmark {

    private static final int BATCH = 50;
    private static final String[] PRAGMAS = {
        "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000"
    };

    private BenchAgent agent;
    private JsonArray captures;
    private Path limitDir;
    private Connection limit;
    private PreparedStatement insert;
    private byte[] row;
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        agent = BenchAgent.start();
        JsonArrayBuilder batch = Json.createArrayBuilder();
        for (int i = 0; i < BATCH; i++) {
            batch.add(Json.createObjectBuilder().add("type", "wm.kiosk.cart_add").add("data",
                    Json.createObjectBuilder().add("sku", "SKU-" + (88_000 + i)).add("category", "running-shoes")
                            .add("quantity", 1).add("unitPrice", 12_999).add("currency", "EUR")));
        }
        captures = batch.build();
        // A stored cart_add event is about 330 bytes; the limit's rows have that size.
        row = ("{\"pad\":\"" + "x".repeat(320) + "\"}").getBytes(StandardCharsets.UTF_8);
        limitDir = Files.createTempDirectory("wm-edge-limit");
        limit = DriverManager.getConnection("jdbc:sqlite:" + limitDir.resolve("limit.db"));
        try (Statement statement = limit.createStatement()) {
            for (String pragma : PRAGMAS) {
                statement.execute(pragma);
            }
            statement.execute("CREATE TABLE outbox (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL,"
                    + " priority INTEGER NOT NULL, bytes INTEGER NOT NULL, body BLOB NOT NULL)");
            statement.execute("CREATE INDEX outbox_by_priority ON outbox (priority, seq)");
        }
        limit.setAutoCommit(false);
        insert = limit.prepareStatement(
                "INSERT INTO outbox (seq, id, type, priority, bytes, body) VALUES (?, ?, ?, ?, ?, ?)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        agent.close();
        insert.close();
        limit.close();
        try (var files = Files.walk(limitDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public CaptureResult capture() throws Exception {
        CaptureResult result = agent.agent.capture(captures).toCompletionStage().toCompletableFuture().get();
        if (!(result instanceof CaptureResult.Stored)) {
            throw new IllegalStateException("capture refused: " + result);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long capture_limit() throws Exception {
        // One connection, one writer: with several benchmark threads (-t N) the batches commit one after another.
        synchronized (this) {
            return insertBatch();
        }
    }

    private long insertBatch() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            long seq = sequence++;
            insert.setLong(1, seq);
            insert.setString(2, "01JDQ6Y7C8M4V2K9ZQW3T5N6PA");
            insert.setString(3, "wm.kiosk.cart_add");
            insert.setInt(4, 1);
            insert.setInt(5, row.length);
            insert.setBytes(6, row);
            insert.executeUpdate();
        }
        limit.commit();
        return sequence;
    }
}
