package dev.waymark.dist.internal.demo;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Verticles started and stopped together: a simulator's kiosks or browsers. */
final class Deployments {

    private final Vertx vertx;
    private final List<String> ids = new ArrayList<>();

    Deployments(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Deploys {@code count} verticles made by {@code verticle}; completes once all run. Fails if some already run. */
    synchronized Future<Void> deploy(int count, IntFunction<VerticleBase> verticle) {
        if (!ids.isEmpty()) {
            return Future.failedFuture(new IllegalStateException("already started"));
        }
        List<Future<String>> deployed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deployed.add(vertx.deployVerticle(verticle.apply(i)));
        }
        return Future.all(deployed).onSuccess(all -> {
            synchronized (this) {
                deployed.forEach(id -> ids.add(id.result()));
            }
        }).mapEmpty();
    }

    /** Undeploys every verticle at once. */
    synchronized Future<Void> undeployAll() {
        List<Future<Void>> undeployed = new ArrayList<>();
        ids.forEach(id -> undeployed.add(vertx.undeploy(id)));
        ids.clear();
        return Future.all(undeployed).mapEmpty();
    }
}
