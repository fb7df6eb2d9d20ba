package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Campaign mode assembled: the routes and this replica's {@link CampaignRunner}. Decisions go through the
 * decisioning part's maker and recorders, so a campaign decision is an ordinary one.
 */
public final class Campaigns implements AutoCloseable {

    private final Store store;
    private final Guard guard;
    private final UlidGenerator ids;
    private final Clock clock;
    private final CampaignRunner runner;

    /** The part over {@code decisions}; nothing runs until {@link #start()}. */
    public Campaigns(Vertx vertx, Store store, Decisions.Parts decisions, Guard guard, CampaignSettings settings,
            Clock clock) {
        this.store = store;
        this.guard = guard;
        this.ids = new UlidGenerator(clock, new SecureRandom());
        this.clock = clock;
        this.runner = new CampaignRunner(vertx, store, new CampaignDecider(decisions), settings,
                "runner-" + ids.next().value(), clock);
    }

    /** Starts this replica's runner. */
    public void start() {
        runner.start();
    }

    /** Mounts the campaign routes. */
    public void mount(Router router) {
        new CampaignRoutes(store, guard, ids, clock).mount(router);
    }

    /** This replica's runner. */
    public CampaignRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
    }
}
