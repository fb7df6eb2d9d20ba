package dev.waymark.benchmarks.cloud;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the store's writer threads ({@code wm-store-writer}), where the pipeline's work runs: on a machine
 * shared with other work, CPU per event is the figure that does not depend on how much of a core the run got.
 */
final class WriterCpu {

    private static final String WRITER = "wm-store-writer";

    private WriterCpu() {
    }

    /** CPU nanoseconds used so far by every live writer thread. */
    static long nanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(WRITER)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }
}
