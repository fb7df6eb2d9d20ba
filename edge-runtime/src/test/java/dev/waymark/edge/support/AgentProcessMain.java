package dev.waymark.edge.support;

import dev.waymark.edge.EdgeAgent;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs one agent in its own JVM for the crash test: prints {@code PORT n} once it listens, then runs until killed. */
public final class AgentProcessMain {

    private AgentProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        EdgeSettings settings = EdgeSettings.read(Path.of(args[0]));
        EdgeAgent agent = EdgeAgent.start(Vertx.vertx(), settings, EdgeIdentity.load(settings, System::getenv))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("PORT " + agent.httpPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
