package dev.waymark.dist.internal.bench;

import dev.waymark.dist.internal.platform.HubNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform at one instant of a bench phase: CPU and memory of the cloud, the hubs and this process, the cloud's
 * intake counter, its event log's lag, the hubs' outbox depth and the messages they forwarded so far.
 */
record Snapshot(ProcessUsage cloud, List<ProcessUsage> hubs, ProcessUsage driver, long cloudEvents, long cloudLag,
        long hubBacklog, long hubForwarded, String machine) {

    /** Takes one, reading {@code counter} from the cloud's metrics. */
    static Snapshot take(Platform platform, CloudProbe probe, String counter) throws IOException,
            InterruptedException {
        List<ProcessUsage> hubs = new ArrayList<>();
        long backlog = 0;
        long forwarded = 0;
        for (HubNode hub : platform.hubs()) {
            hubs.add(ProcessUsage.of(hub.process()));
            JsonObject status = probe.hubStatus(hub.status());
            backlog += status.getLong("bufferDepth", 0L);
            forwarded += status.getJsonObject("counters", new JsonObject()).getLong("forwarded", 0L);
        }
        return new Snapshot(ProcessUsage.of(platform.cloud().process()), hubs,
                ProcessUsage.of(ProcessHandle.current()), probe.counter(counter), probe.eventLogLag(), backlog,
                forwarded, MachineLoad.now());
    }

    /** The phase between {@code start} and this snapshot. */
    PhaseResult since(Snapshot start, String name, Measurement load, Duration window) {
        List<ProcessUsage> hubUse = new ArrayList<>();
        for (int i = 0; i < hubs.size(); i++) {
            hubUse.add(hubs.get(i).since(start.hubs.get(i)));
        }
        return new PhaseResult(name, load.latencies(), load, window, cloudEvents - start.cloudEvents,
                hubForwarded - start.hubForwarded, hubBacklog, cloudLag, cloud.since(start.cloud),
                ProcessUsage.combined(hubUse), driver.since(start.driver), machine);
    }
}
