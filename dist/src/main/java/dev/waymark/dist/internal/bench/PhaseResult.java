package dev.waymark.dist.internal.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase of {@code waymark bench e2e} gave.
 *
 * @param name         {@code echo} or {@code pipeline}
 * @param latency      touch-to-action latencies in microseconds, from each touch's due time
 * @param load         what was sent and received
 * @param window       the scheduled length of the phase
 * @param cloudEvents  events the cloud took during the window (pipeline: processed; echo: taken by the echo)
 * @param hubMessages  messages the hubs forwarded to the cloud during the window
 * @param hubBacklog   messages in the hubs' outboxes at the end of the window
 * @param cloudLag     events in the cloud's event log not yet processed at the end of the window
 * @param cloud        the cloud process during the window
 * @param hubs         the hub processes during the window (CPU summed, the largest peak)
 * @param driver       this process during the window: the kiosk agents and the driver
 * @param machine      the machine's load at the end of the window ({@link MachineLoad})
 */
record PhaseResult(String name, Histogram latency, Measurement load, Duration window, long cloudEvents,
        long hubMessages, long hubBacklog, long cloudLag, ProcessUsage cloud, ProcessUsage hubs, ProcessUsage driver,
        String machine) {
}
