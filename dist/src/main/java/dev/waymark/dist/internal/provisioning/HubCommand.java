package dev.waymark.dist.internal.provisioning;

import dev.waymark.dist.Waymark.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code waymark hub}: running a store hub is not part of this build yet (exit 3, like every planned role), but
 * {@code waymark hub enroll} is, so a hub can be provisioned ahead of its software.
 */
@Command(name = "hub", description = "Run a store hub (broker and bridge): not in this build yet. "
        + "'hub enroll' provisions one.", subcommands = {EnrollCommand.Hub.class, RenewCommand.Hub.class})
public final class HubCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> ignored;

    @Override
    public Integer call() {
        spec.commandLine().getErr().printf("waymark hub: the store-hub module is not part of this build yet; "
                + "docs/architecture.md lists what is. 'waymark hub enroll' is available.%n");
        return ExitCodes.NOT_BUILT;
    }
}
