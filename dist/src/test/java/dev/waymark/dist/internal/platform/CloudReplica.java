package dev.waymark.dist.internal.platform;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One cloud-core replica for tests that run several: {@code waymark cloud --config dir/cloud.json} in a child JVM
 * of the given launch, with the HTTP port its config names. The platform's own {@link CloudNode}, so kill and
 * restart work as in the single-cloud tests.
 */
public final class CloudReplica {

    private CloudReplica() {
    }

    /**
     * Writes {@code config} (with {@code http.port} and {@code provisioning.port} set) to {@code dir/cloud.json},
     * starts the replica with {@code environment} (its {@code WM_ADMIN_PASSWORD} is the node's admin password) and
     * waits until it is ready. Its API keys are set with {@link #createKeys} or {@link #useKeys}.
     */
    public static CloudNode start(String name, ChildJvm.Launch launch, Path dir, JsonObject config,
                                  Map<String, String> environment, Path log) throws IOException,
            InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cloud.json"), config.encodePrettily());
        ChildJvm jvm = new ChildJvm(name, launch, List.of("-Xmx384m"),
                List.of("cloud", "--config", dir.resolve("cloud.json").toString()), environment, dir, log);
        int httpPort = config.getJsonObject("http").getInteger("port");
        int provisioningPort = config.getJsonObject("provisioning").getInteger("port");
        CloudNode node = new CloudNode(jvm, dir, httpPort, provisioningPort, 0, environment.get("WM_ADMIN_PASSWORD"));
        node.start();
        return node;
    }

    /** Signs in as admin on {@code node} and creates a secret key with every scope and a write key. */
    public static void createKeys(CloudNode node) throws IOException {
        JsonObject keys = node.client().createKeys(node.adminPassword());
        node.keys(keys.getString("secret"), keys.getString("write"));
    }

    /** SIGTERM, a clean stop, and waits up to {@code grace} for the process to end (then SIGKILL). */
    public static void stop(CloudNode node, Duration grace) throws InterruptedException {
        node.jvm().requestStop();
        node.jvm().awaitStop(grace);
    }

    /** Gives {@code node} the keys created on another replica (they live in the shared store). */
    public static void useKeys(CloudNode node, CloudNode from) {
        node.keys(from.secretKey(), from.writeKey());
    }
}
