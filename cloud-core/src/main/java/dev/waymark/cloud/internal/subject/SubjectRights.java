package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.identity.LinkBlock;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.profile.ProfileDocument;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The data-subject rights part (docs/privacy.md): the export, erasure and erasure-audit routes, the block on
 * erased identifiers for the identity graph, and the sweep that deletes CRM erasure notices once delivered.
 */
public final class SubjectRights implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SubjectRights.class.getName());
    /** How often delivered CRM notices, the last copy of an erased profile id, are swept. */
    private static final long SWEEP_PERIOD_MS = 10_000;
    /** Longer than a delivery's lease ({@code outbox.requestTimeoutMs} plus a second) can run late by. */
    private static final long SWEEP_MARGIN_MS = 600_000;

    private final Vertx vertx;
    private final Store store;
    private final RelinkBlock block;
    private final Clock clock;
    private final SubjectRoutes routes;
    private long sweeper = -1;
    /** When the last successful sweep began (epoch ms), 0 before the first; touched on the event loop only. */
    private long sweptFrom;

    /**
     * What the part needs from its host.
     *
     * @param export       the profile document the export embeds (with every decision, not the recent ones)
     * @param forgetCached drops in-memory state of erased profiles; runs inside the erasure's store work
     * @param crm          tells the CRM connectors to delete each erased profile ({@code Crm.erased})
     */
    public record Needs(Vertx vertx, Store store, Guard guard, Namespaces namespaces, ProfileDocument export,
            PseudonymizationKey key, Consumer<List<String>> forgetCached, CrmNotice crm, Clock clock) {
    }

    /**
     * Tells the CRM connectors, in the erasure's transaction, to delete the erased {@code profileId}
     * ({@code Crm.erased}); answers how many outbox messages it wrote, none without a connector.
     */
    @FunctionalInterface
    public interface CrmNotice {
        int erased(Connection c, String profileId, String erasureId, int index, Instant at) throws SQLException;
    }

    /** Assembles the part; the sweep runs after {@link #start()}. */
    public SubjectRights(Needs needs) {
        this.vertx = needs.vertx();
        this.store = needs.store();
        this.block = new RelinkBlock(needs.key());
        this.clock = needs.clock();
        UlidGenerator ids = new UlidGenerator(needs.clock(), new SecureRandom());
        Erasure erasure = new Erasure(block, needs.crm(), needs.forgetCached());
        this.routes = new SubjectRoutes(store, needs.guard(), needs.namespaces(), new SubjectExport(needs.export()),
                erasure, ids, needs.clock());
    }

    /** The identifiers of erased people, for {@code IdentityGraph.blockWith}. */
    public LinkBlock linkBlock() {
        return block;
    }

    /** Starts the periodic sweep of delivered CRM notices. */
    public void start() {
        sweeper = vertx.setPeriodic(SWEEP_PERIOD_MS, id -> sweep());
    }

    /** Mounts the export, erasure and audit routes. */
    public void mount(Router router) {
        routes.mount(router);
    }

    /**
     * Sweeps the notices finished since the previous sweep began, less a margin for a delivery that was marked
     * after its lease; the first sweep after a start looks at all of them.
     */
    private void sweep() {
        long began = clock.millis();
        long after = sweptFrom == 0 ? 0 : sweptFrom - SWEEP_MARGIN_MS;
        store.write(c -> ErasureNotices.sweep(c, after))
                .onSuccess(swept -> sweptFrom = began)
                .compose(swept -> swept == 0 ? Future.succeededFuture() : WalCheckpoint.run(store).mapEmpty())
                .onFailure(failure -> LOG.log(Level.WARNING, "sweeping CRM erasure notices: " + failure.getMessage()));
    }

    @Override
    public void close() {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }
}
