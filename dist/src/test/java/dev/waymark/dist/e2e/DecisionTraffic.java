package dev.waymark.dist.e2e;

import dev.waymark.dist.internal.platform.CloudApi;
import dev.waymark.dist.internal.platform.CloudNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Inbound decisions ({@code POST /v1/decisions}) for the kiosk sessions' profiles, one every 50 ms, round robin over
 * the replicas, on a thread of its own; it records every answer (or the connection's failure) with its replica.
 */
final class DecisionTraffic implements AutoCloseable {

    /** One request: the replica asked, when (System.nanoTime) and its status, -1 when no answer came. */
    record Outcome(int replica, long at, int status) {
    }

    private static final long PAUSE_MS = 50;

    private final List<CloudNode> replicas;
    private final List<HubStandIn.Device> devices;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private DecisionTraffic(List<CloudNode> replicas, List<HubStandIn.Device> devices) {
        this.replicas = List.copyOf(replicas);
        this.devices = List.copyOf(devices);
        this.thread = new Thread(this::run, "decision-traffic");
    }

    /** Starts asking; the profiles must exist (a decision for an unknown profile is a 404). */
    static DecisionTraffic start(List<CloudNode> replicas, List<HubStandIn.Device> devices) {
        DecisionTraffic traffic = new DecisionTraffic(replicas, devices);
        traffic.thread.start();
        return traffic;
    }

    /** Stops after the request in progress. */
    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    /** Decisions answered 200 after {@code since} by one of {@code survivors}. */
    long succeededAfter(long since, List<CloudNode> survivors) {
        return outcomes.stream().filter(o -> o.at() > since && o.status() == 200
                && survivors.contains(replicas.get(o.replica()))).count();
    }

    /** Requests not answered 200 by any replica but {@code excluded} (the one that was killed). */
    long failedExcept(int excluded) {
        return outcomes.stream().filter(o -> o.replica() != excluded && o.status() != 200).count();
    }

    private void run() {
        String key = replicas.get(0).secretKey();
        List<CloudApi> clients = replicas.stream().map(CloudNode::client).toList();
        for (long n = 0; running; n++) {
            int replica = (int) (n % replicas.size());
            HubStandIn.Device device = devices.get((int) (n % devices.size()));
            JsonObject body = new JsonObject().put("identifiers", new JsonArray().add(new JsonObject()
                            .put("namespace", "kiosk_session").put("id", device.session())))
                    .put("channel", "web").put("placement", "web-banner").put("store", device.store());
            int status;
            try {
                status = clients.get(replica).send("POST", "/v1/decisions", key, body).status();
            } catch (IOException e) {
                status = -1;
            }
            outcomes.add(new Outcome(replica, System.nanoTime(), status));
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
