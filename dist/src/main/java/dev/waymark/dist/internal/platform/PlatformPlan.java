package dev.waymark.dist.internal.platform;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What {@link Platform#start} brings up: how many stores and kiosks, where their files live, and what to lay over
 * the configuration files it writes for each role.
 *
 * @param dataDir        everything the platform writes (each role in its own folder; {@code platform.json} holds
 *                       the demo's generated secrets)
 * @param stores         stores, each with one hub ({@code store-1}, {@code store-2}, ...)
 * @param kiosksPerStore kiosk agents per store
 * @param httpPort       the cloud API's port; 0 picks a free one
 * @param reset          delete {@code dataDir} first instead of reusing it
 * @param cloudConfig    deep-merged over the {@code cloud.json} the platform writes
 * @param hubConfig      deep-merged over each {@code hub.json}
 * @param edgeConfig     deep-merged over each {@code edge.json}
 * @param childJvm       JVM options and classpath of the cloud and hub processes
 * @param linkSwitches   put a {@link LinkSwitch} between each hub and the cloud, so a store's link can be cut
 */
public record PlatformPlan(Path dataDir, int stores, int kiosksPerStore, int httpPort, boolean reset,
                           JsonObject cloudConfig, JsonObject hubConfig, JsonObject edgeConfig,
                           ChildJvm.Launch childJvm, boolean linkSwitches) {

    /** Validates; throws IllegalArgumentException naming the option. */
    public PlatformPlan {
        Objects.requireNonNull(dataDir, "dataDir");
        if (stores < 1 || stores > 50) {
            throw new IllegalArgumentException("--stores: must be 1 to 50, was " + stores);
        }
        if (kiosksPerStore < 0 || kiosksPerStore > 200) {
            throw new IllegalArgumentException("--kiosks: must be 0 to 200 per store, was " + kiosksPerStore);
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("--http-port: must be 0 to 65535, was " + httpPort);
        }
        cloudConfig = cloudConfig.copy();
        hubConfig = hubConfig.copy();
        edgeConfig = edgeConfig.copy();
        Objects.requireNonNull(childJvm, "childJvm");
    }

    /** One store with one kiosk in {@code dataDir}, a free API port, child JVMs from this JVM's classpath. */
    public static PlatformPlan defaults(Path dataDir) {
        return new PlatformPlan(dataDir.toAbsolutePath().normalize(), 1, 1, 0, false, new JsonObject(),
                new JsonObject(), new JsonObject(), ChildJvm.Launch.ofThisJvm(), false);
    }

    public PlatformPlan withStores(int count) {
        return new PlatformPlan(dataDir, count, kiosksPerStore, httpPort, reset, cloudConfig, hubConfig, edgeConfig,
                childJvm, linkSwitches);
    }

    public PlatformPlan withKiosksPerStore(int count) {
        return new PlatformPlan(dataDir, stores, count, httpPort, reset, cloudConfig, hubConfig, edgeConfig,
                childJvm, linkSwitches);
    }

    public PlatformPlan withHttpPort(int port) {
        return new PlatformPlan(dataDir, stores, kiosksPerStore, port, reset, cloudConfig, hubConfig, edgeConfig,
                childJvm, linkSwitches);
    }

    public PlatformPlan withReset(boolean wipe) {
        return new PlatformPlan(dataDir, stores, kiosksPerStore, httpPort, wipe, cloudConfig, hubConfig, edgeConfig,
                childJvm, linkSwitches);
    }

    public PlatformPlan withCloudConfig(JsonObject overlay) {
        return new PlatformPlan(dataDir, stores, kiosksPerStore, httpPort, reset, overlay, hubConfig, edgeConfig,
                childJvm, linkSwitches);
    }

    public PlatformPlan withHubConfig(JsonObject overlay) {
        return new PlatformPlan(dataDir, stores, kiosksPerStore, httpPort, reset, cloudConfig, overlay, edgeConfig,
                childJvm, linkSwitches);
    }

    public PlatformPlan withEdgeConfig(JsonObject overlay) {
        return new PlatformPlan(dataDir, stores, kiosksPerStore, httpPort, reset, cloudConfig, hubConfig, overlay,
                childJvm, linkSwitches);
    }

    public PlatformPlan withChildJvm(ChildJvm.Launch launch) {
        return new PlatformPlan(dataDir, stores, kiosksPerStore, httpPort, reset, cloudConfig, hubConfig, edgeConfig,
                launch, linkSwitches);
    }

    /** With (or without) a {@link LinkSwitch} between each hub and the cloud ({@link HubNode#upstreamLink()}). */
    public PlatformPlan withLinkSwitches(boolean switches) {
        return new PlatformPlan(dataDir, stores, kiosksPerStore, httpPort, reset, cloudConfig, hubConfig, edgeConfig,
                childJvm, switches);
    }

    /** The store ids, {@code store-1} to {@code store-N}. */
    public List<String> storeIds() {
        return IntStream.rangeClosed(1, stores).mapToObj(i -> "store-" + i).toList();
    }
}
