package dev.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    @Test
    void console_withACloudUrlThatHasAPath_isAUsageErrorNamingTheOption() {
        CommandRun run = CommandRun.of("console", "--cloud", "http://127.0.0.1:8080/v1");

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(run.err()).contains("cloud: must have no path");
    }

    @Test
    void console_withProvisioningButNoCaFingerprint_isAUsageError() {
        CommandRun run = CommandRun.of("console", "--cloud", "http://127.0.0.1:8080",
                "--provisioning", "https://127.0.0.1:8443");

        assertThat(run.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(run.err()).contains("--provisioning-ca");
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
