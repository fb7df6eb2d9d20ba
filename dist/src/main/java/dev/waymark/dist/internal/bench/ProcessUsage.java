package dev.waymark.dist.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU time and peak resident memory of processes: CPU from {@link ProcessHandle.Info#totalCpuDuration()}, memory
 * from {@code VmHWM} in {@code /proc/{pid}/status} (the resident set's high-water mark since the process started:
 * heap, metaspace, thread stacks and native buffers such as RocksDB's and SQLite's; 0 where /proc is missing).
 *
 * @param cpu           CPU time, user and system
 * @param peakRssBytes  the highest resident set size, in bytes
 */
record ProcessUsage(Duration cpu, long peakRssBytes) {

    /** What {@code process} used so far. */
    static ProcessUsage of(ProcessHandle process) {
        return new ProcessUsage(process.info().totalCpuDuration().orElse(Duration.ZERO), peakRss(process.pid()));
    }

    /** The CPU used since {@code earlier}, with the peak as it is now. */
    ProcessUsage since(ProcessUsage earlier) {
        return new ProcessUsage(cpu.minus(earlier.cpu), peakRssBytes);
    }

    /** CPU summed, the largest peak. */
    static ProcessUsage combined(List<ProcessUsage> usages) {
        Duration cpu = Duration.ZERO;
        long peak = 0;
        for (ProcessUsage usage : usages) {
            cpu = cpu.plus(usage.cpu);
            peak = Math.max(peak, usage.peakRssBytes);
        }
        return new ProcessUsage(cpu, peak);
    }

    private static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
