package dev.waymark.dist.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.dist.Waymark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProvisionCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine underTest = Waymark.commandLine();

    ProvisionCommandTest() {
        underTest.setOut(new PrintWriter(out, true));
        underTest.setErr(new PrintWriter(err, true));
    }

    @Test
    void token_unknownRole_isAUsageErrorNamingRole() {
        int exit = underTest.execute("provision", "token", "--store", "store-1", "--role", "robot");

        assertThat(exit).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--role", "must be kiosk or hub");
    }

    @Test
    void devices_withoutAdminKey_saysWhichVariableToSet() {
        ProvisionCommand.Devices devices = underTest.getSubcommands().get("provision").getSubcommands()
                .get("devices").getCommand();
        devices.environment = Map.of("WM_PROVISIONING_URL", "https://prov:8443/provisioning/v1",
                "WM_PROVISIONING_CA", "ab".repeat(32))::get;

        int exit = underTest.execute("provision", "devices", "--store", "store-1");

        assertThat(exit).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("set WM_PROVISIONING_ADMIN_KEY");
    }

    @Test
    void revoke_withoutUrl_asksForUrlAndFingerprint() {
        ProvisionCommand.Revoke revoke = underTest.getSubcommands().get("provision").getSubcommands()
                .get("revoke").getCommand();
        revoke.environment = Map.<String, String>of()::get;

        int exit = underTest.execute("provision", "revoke", "kiosk-1");

        assertThat(exit).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--url", "--ca-fingerprint");
    }

    @Test
    void hubEnroll_withBothQrFileAndToken_isAUsageError() {
        EnrollCommand.Hub enroll = underTest.getSubcommands().get("hub").getSubcommands().get("enroll")
                .getCommand();
        enroll.environment = Map.of("WM_KEYSTORE_PASSWORD", "long enough password")::get;

        int exit = underTest.execute("hub", "enroll", "--qr-file", "x.png", "--token", "t", "--url", "https://x");

        assertThat(exit).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("either --qr-file or --url/--token");
    }

    @Test
    void hubEnroll_tokenWithoutFingerprint_asksForIt() {
        EnrollCommand.Hub enroll = underTest.getSubcommands().get("hub").getSubcommands().get("enroll")
                .getCommand();
        enroll.environment = Map.of("WM_KEYSTORE_PASSWORD", "long enough password")::get;

        int exit = underTest.execute("hub", "enroll", "--token", "wm1:hub:s:x", "--url", "https://x");

        assertThat(exit).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--ca-fingerprint");
    }
}
