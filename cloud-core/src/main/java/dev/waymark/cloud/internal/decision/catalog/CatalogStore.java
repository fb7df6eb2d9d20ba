package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.decision.Learner;
import dev.waymark.decision.BundleContents;
import dev.waymark.decision.BundleSigner;
import dev.waymark.decision.BundleSigning;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.action.DecisionBundle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions of the action catalog, intent patterns and policies. Every accepted change becomes a new version
 * with its signed bundle, published retained to every store. The latest version is cached; {@link #current(
 * Connection)} notices a newer version written by another replica.
 */
public final class CatalogStore {

    private static final ContractCodec CODEC = ContractCodec.create();

    private final Store store;
    private final BundleSigner signer;
    private final BundlePublisher publisher;
    private final Learner learner;
    private final Clock clock;
    private volatile CatalogVersion current;

    /**
     * @param signer    signs bundles with the deployment's Ed25519 bundle key
     * @param publisher sends bundles to the stores
     * @param learner   whose snapshot each bundle carries
     */
    public CatalogStore(Store store, BundleSigner signer, BundlePublisher publisher, Learner learner, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.publisher = publisher;
        this.learner = learner;
        this.clock = clock;
    }

    /** Loads the learner and the latest version, seeding {@link DefaultCatalog} when there is none. */
    public Future<CatalogVersion> start() {
        return store.write(c -> {
            learner.load(c);
            Optional<CatalogVersion> latest = latest(c);
            return latest.isPresent() ? latest.get() : insert(c, DefaultCatalog.draft(), "seed");
        }).onSuccess(v -> current = v);
    }

    /** The latest version this replica knows; {@link #start} must have completed. */
    public CatalogVersion current() {
        return Objects.requireNonNull(current, "catalog not started");
    }

    /** The latest version in the database (reloaded when another replica wrote a newer one). */
    public CatalogVersion current(Connection connection) throws SQLException {
        CatalogVersion known = current;
        long latest;
        try (PreparedStatement max = connection.prepareStatement("SELECT MAX(version) FROM catalog_versions");
                ResultSet rs = max.executeQuery()) {
            latest = rs.next() ? rs.getLong(1) : 0;
        }
        if (known != null && known.version() >= latest) {
            return known;
        }
        CatalogVersion loaded = latest(connection).orElseThrow(() -> new SQLException("no catalog version"));
        current = loaded;
        return loaded;
    }

    /** An edit of the latest catalog; may throw {@link InvalidField} or {@link CatalogRejected}. */
    @FunctionalInterface
    public interface Edit {
        CatalogDraft apply(CatalogDraft latest);
    }

    /**
     * Applies {@code edit} to the latest version inside the writer's transaction (so concurrent edits never lose
     * each other's changes), stores the result as the next version, then publishes its bundle to every store.
     * Completes with the version and the number of stores that took the bundle.
     */
    public Future<Saved> change(Edit edit, String createdBy) {
        return store.write(c -> insert(c, edit.apply(current(c).draft()), createdBy)).compose(version -> {
            current = version;
            return publisher.publishToAll(version.bundle()).map(stores -> new Saved(version, stores));
        });
    }

    /** A stored version and how many stores acknowledged its bundle. */
    public record Saved(CatalogVersion version, int publishedTo) {
    }

    /** Sends the current bundle to one store, e.g. one seen for the first time. */
    public Future<Void> publishCurrentBundle(String storeId) {
        return publisher.publishTo(storeId, current().bundle());
    }

    private CatalogVersion insert(Connection c, CatalogDraft draft, String createdBy) throws SQLException {
        long version = 1;
        try (PreparedStatement max = c.prepareStatement("SELECT MAX(version) FROM catalog_versions");
                ResultSet rs = max.executeQuery()) {
            if (rs.next()) {
                version = rs.getLong(1) + 1;
            }
        }
        // The table is the learner's truth (other replicas learn too): the bundle carries what all of them learned.
        learner.load(c);
        DecisionBundle bundle = sign(new BundleContents(version, draft.catalog().definitions(),
                draft.patterns().toJson(), draft.policies(), learner.snapshot()));
        Instant now = clock.instant();
        JsonArray actions = new JsonArray();
        draft.actions().forEach(entry -> actions.add(ActionJson.write(entry)));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO catalog_versions (version, actions, "
                + "patterns, policies, bundle, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, version);
            insert.setString(2, actions.encode());
            insert.setString(3, draft.patterns().toJson());
            insert.setString(4, PolicyJson.write(draft.policies()).encode());
            insert.setString(5, new String(CODEC.encode(bundle), StandardCharsets.UTF_8));
            insert.setLong(6, now.toEpochMilli());
            insert.setString(7, createdBy);
            insert.executeUpdate();
        }
        return new CatalogVersion(version, draft, now, createdBy, bundle);
    }

    private DecisionBundle sign(BundleContents contents) {
        BundleSigning signing = signer.sign(contents);
        if (signing instanceof BundleSigning.Signed signed) {
            return signed.bundle();
        }
        // The draft compiled already; a rejection here means the engine and this host disagree.
        throw new IllegalStateException("bundle rejected: " + ((BundleSigning.Rejected) signing).errors());
    }

    private static Optional<CatalogVersion> latest(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version, actions, patterns, policies, bundle, "
                + "created_at, created_by FROM catalog_versions ORDER BY version DESC LIMIT 1");
                ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            CatalogCheck.Result checked = CatalogCheck.check(CatalogCheck.actions("actions",
                    new JsonArray(rs.getString(2))), rs.getString(3), PolicyJson.read(new JsonObject(rs.getString(4))));
            if (!(checked instanceof CatalogCheck.Valid valid)) {
                throw new SQLException("stored catalog version " + rs.getLong(1) + " does not compile: "
                        + ((CatalogCheck.Rejected) checked).errors().encode());
            }
            DecisionBundle bundle = CODEC.decode(rs.getString(5).getBytes(StandardCharsets.UTF_8),
                    DecisionBundle.class).orElseThrow();
            return Optional.of(new CatalogVersion(rs.getLong(1), valid.draft(), Instant.ofEpochMilli(rs.getLong(6)),
                    rs.getString(7), bundle));
        }
    }
}
