package dev.waymark.dist;

import dev.waymark.dist.internal.BuildInfo;
import dev.waymark.dist.internal.DemoCommand;
import dev.waymark.dist.internal.MaskCommand;
import dev.waymark.dist.internal.VersionCommand;
import dev.waymark.dist.internal.bench.BenchCommand;
import dev.waymark.dist.internal.crm.CrmCommand;
import dev.waymark.dist.internal.edge.EdgeCommand;
import dev.waymark.dist.internal.cloud.CloudCommand;
import dev.waymark.dist.internal.console.ConsoleCommand;
import dev.waymark.dist.internal.hub.HubCommand;
import dev.waymark.dist.internal.platform.ChildJvm;
import dev.waymark.dist.internal.provisioning.ProvisionCommand;
import dev.waymark.dist.internal.provisioning.ProvisioningCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code waymark} command line: one entry point for every role of the platform and the operators' tools.
 *
 * <p>Exit codes: 0 done, 1 some input was rejected (each rejection is reported on stderr), 2 usage error or an
 * unreadable input, 3 the role is not part of this build yet, 70 an internal error.
 */
@Command(
        name = "waymark",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        description = "Real-time customer journey orchestration for stores and digital channels.",
        commandListHeading = "%nRoles and tools:%n",
        footer = {"", "Run 'waymark <command> --help' for a command's options. Docs: docs/ in the source tree."},
        subcommands = {
            DemoCommand.class,
            CloudCommand.class,
            HubCommand.class,
            EdgeCommand.class,
            ConsoleCommand.class,
            ProvisionCommand.class,
            ProvisioningCommand.class,
            MaskCommand.class,
            CrmCommand.class,
            BenchCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Waymark {

    private Waymark() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        exitWithParent(System.getenv(ChildJvm.PARENT_VARIABLE));
        System.exit(commandLine().execute(args));
    }

    /** A role started by the platform stops cleanly (shutdown hooks run) when the process that started it ends. */
    private static void exitWithParent(String parentPid) {
        if (parentPid != null && parentPid.matches("[0-9]{1,10}")) {
            ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(ExitCodes.OK)),
                    () -> System.exit(ExitCodes.OK));
        }
    }

    /** The configured command line, for embedding and tests. */
    public static CommandLine commandLine() {
        // picocli already exits 2 on invalid input; a failure inside a command is a bug, reported without a trace.
        return new CommandLine(new Waymark())
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    commandLine.getErr().println("waymark " + commandLine.getCommandName() + ": internal error: "
                            + e + " (please report it)");
                    return ExitCodes.INTERNAL;
                });
    }

    /** The process exit codes every command uses. */
    public static final class ExitCodes {
        /** The command did what was asked. */
        public static final int OK = 0;
        /** Some input was rejected; each rejection was reported on stderr. */
        public static final int REJECTED = 1;
        /** The command line or an input file could not be used. */
        public static final int USAGE = 2;
        /** A bug: the command failed in a way it did not foresee (sysexits' EX_SOFTWARE). */
        public static final int INTERNAL = 70;

        private ExitCodes() {
        }
    }
}
