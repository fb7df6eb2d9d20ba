package dev.waymark.dist.internal.bench;

import picocli.CommandLine.Command;

/** {@code waymark bench}: measurements that need the whole platform. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the platform on this machine (docs/benchmarks.md).",
        subcommands = {E2eCommand.class})
public final class BenchCommand {
}
