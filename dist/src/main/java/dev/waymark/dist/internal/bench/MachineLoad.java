package dev.waymark.dist.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine is, from /proc: the load averages and the CPU pressure (the share of the last 60 s in which
 * some runnable task waited for a CPU). A run on a machine shared with other work says so beside its figures.
 */
final class MachineLoad {

    private MachineLoad() {
    }

    /** E.g. {@code load average 1.20 0.80 0.50, CPU pressure 35% (some, 60 s)}; what is missing is left out. */
    static String now() {
        StringBuilder text = new StringBuilder();
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            text.append("load average ").append(parts[0]).append(' ').append(parts[1]).append(' ').append(parts[2]);
        } catch (IOException | RuntimeException e) {
            text.append("load average unknown");
        }
        try {
            String some = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
            String avg60 = some.replaceAll(".*avg60=([0-9.]+).*", "$1");
            text.append(", CPU pressure ").append(Math.round(Double.parseDouble(avg60))).append("% (some, 60 s)");
        } catch (IOException | RuntimeException e) {
            // no pressure stall information on this kernel
        }
        return text.toString();
    }
}
