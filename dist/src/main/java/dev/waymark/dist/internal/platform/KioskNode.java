package dev.waymark.dist.internal.platform;

import dev.waymark.edge.EdgeAgent;
import java.net.URI;
import java.nio.file.Path;

/**
 * One kiosk agent of the platform, running in the platform's own JVM.
 *
 * @param store    its store
 * @param deviceId its device id
 * @param agent    the running agent
 * @param dataDir  its files (keystore, agent.json, edge.json, edge.db)
 */
public record KioskNode(String store, String deviceId, EdgeAgent agent, Path dataDir) {

    /** The agent's capture API (and kiosk screen), {@code http://127.0.0.1:port}. */
    public URI captureApi() {
        return URI.create("http://127.0.0.1:" + agent.httpPort());
    }
}
