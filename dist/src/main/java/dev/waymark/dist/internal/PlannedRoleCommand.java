package dev.waymark.dist.internal;

import dev.waymark.dist.Waymark.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A role of the platform that the design names but this build does not contain yet. It says so plainly and exits
 * with {@link ExitCodes#NOT_BUILT}, so scripts can tell "not here" from "failed".
 */
public abstract class PlannedRoleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> ignored;

    private final String module;

    PlannedRoleCommand(String module) {
        this.module = module;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().printf(
                "waymark %s: the %s module is not part of this build yet; docs/architecture.md lists what is.%n",
                spec.name(), module);
        return ExitCodes.NOT_BUILT;
    }

    /** {@code waymark console}. */
    @Command(name = "console", description = "Run the store managers' web console. Not in this build yet.")
    public static final class Console extends PlannedRoleCommand {
        public Console() {
            super("web-console");
        }
    }
}
