package dev.waymark.dist.internal.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.dist.Waymark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EdgeCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfig_isAUsageErrorPointingToEnroll() {
        StringWriter err = new StringWriter();

        int exitCode = run(err, "edge");

        assertThat(exitCode).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--config edge.json", "waymark edge enroll");
    }

    @Test
    void missingConfigFile_isAUsageErrorNamingTheFile() {
        StringWriter err = new StringWriter();

        int exitCode = run(err, "edge", "--config", dir.resolve("edge.json").toString());

        assertThat(exitCode).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("edge.json");
    }

    @Test
    void malformedConfig_isAUsageErrorNamingTheFile() throws Exception {
        Path config = Files.writeString(dir.resolve("edge.json"), "{\"quotaBytes\": \"lots\"");
        StringWriter err = new StringWriter();

        int exitCode = run(err, "edge", "--config", config.toString());

        assertThat(exitCode).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("edge.json").doesNotContain("\tat ");
    }

    @Test
    void help_listsEnrollAndRenew() {
        StringWriter out = new StringWriter();
        CommandLine underTest = Waymark.commandLine();
        underTest.setOut(new PrintWriter(out, true));

        underTest.execute("edge", "--help");

        assertThat(out.toString()).contains("enroll", "renew", "--config", "--dev");
    }

    private static int run(StringWriter err, String... args) {
        CommandLine underTest = Waymark.commandLine();
        underTest.setErr(new PrintWriter(err, true));
        underTest.setOut(new PrintWriter(new StringWriter(), true));
        return underTest.execute(args);
    }
}
