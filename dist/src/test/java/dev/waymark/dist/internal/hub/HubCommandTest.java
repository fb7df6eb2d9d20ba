package dev.waymark.dist.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.dist.Waymark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HubCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfig_isAUsageErrorPointingToEnroll() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "hub")).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--config hub.json", "waymark hub enroll");
    }

    @Test
    void malformedConfig_isAUsageErrorNamingTheFile() throws Exception {
        Path config = Files.writeString(dir.resolve("hub.json"), "{\"storeId\": ");
        StringWriter err = new StringWriter();

        int exitCode = run(err, "hub", "--config", config.toString());

        assertThat(exitCode).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("hub.json").doesNotContain("\tat ");
    }

    @Test
    void help_listsEnrollAndRenew() {
        StringWriter out = new StringWriter();
        CommandLine underTest = Waymark.commandLine();
        underTest.setOut(new PrintWriter(out, true));

        underTest.execute("hub", "--help");

        assertThat(out.toString()).contains("enroll", "renew", "--config");
    }

    private int run(StringWriter err, String... args) {
        CommandLine underTest = Waymark.commandLine();
        underTest.setErr(new PrintWriter(err, true));
        underTest.setOut(new PrintWriter(new StringWriter(), true));
        CommandLine hub = underTest.getSubcommands().get("hub");
        ((HubCommand) hub.getCommand()).environment = name -> "keystore-password-1";
        return underTest.execute(args);
    }
}
