package dev.waymark.dist.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.dist.Waymark;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class E2eCommandTest {

    @Test
    void e2e_kiosksNotSharedEvenlyByTheStores_isAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();

        int code = run(err, "bench", "e2e", "--kiosks", "5", "--stores", "2");

        assertThat(code).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--kiosks: must be a multiple of --stores (2), was 5");
    }

    @Test
    void e2e_unknownPhase_isAUsageErrorNamingIt() {
        StringWriter err = new StringWriter();

        int code = run(err, "bench", "e2e", "--phases", "echo,turbo");

        assertThat(code).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--phases: echo and/or pipeline, was 'turbo'");
    }

    @Test
    void e2e_durationWithoutUnit_isAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();

        int code = run(err, "bench", "e2e", "--duration", "60");

        assertThat(code).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--duration: must be a positive number with ms, s, m or h");
    }

    private static int run(StringWriter err, String... args) {
        CommandLine underTest = Waymark.commandLine();
        underTest.setOut(new PrintWriter(new StringWriter(), true));
        underTest.setErr(new PrintWriter(err, true));
        return underTest.execute(args);
    }
}
