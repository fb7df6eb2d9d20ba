package dev.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaymarkCommandTest {

    @Test
    void help_listsEveryRoleAndTool() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "cloud", "hub", "edge", "console", "provision", "mask", "bench",
                "version");
    }

    @Test
    void version_printsBuildVersionAndJava() {
        CommandRun run = CommandRun.of("version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("waymark \\d+\\.\\d+\\.\\d+").contains("Java ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"console"})
    void plannedRole_saysItIsNotBuiltAndExitsThree(String role) {
        CommandRun run = CommandRun.of(role, "--config", "x.json");

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.NOT_BUILT);
        assertThat(run.err()).contains("not part of this build yet");
    }

    @Test
    void cloud_withMissingConfig_isAUsageErrorNamingTheFile() {
        CommandRun run = CommandRun.of("cloud", "--config", "no-such-cloud.json");

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(run.err()).contains("no-such-cloud.json");
    }

    @Test
    void unknownCommand_isAUsageErrorNamingIt() {
        CommandRun run = CommandRun.of("frobnicate");

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(run.err()).contains("frobnicate");
    }
}
