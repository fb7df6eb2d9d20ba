package dev.waymark.dist.internal.provisioning;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.dist.internal.BuildInfo;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceEnrollment;
import dev.waymark.provisioning.EnrollmentRefused;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark edge renew} and {@code waymark hub renew}: renews an enrolled device's certificate before it
 * expires, with a new key, authenticated by the current certificate over mutual TLS.
 */
public abstract class RenewCommand implements Callable<Integer> {

    /** The environment variable naming the provisioning service when {@code --url} is not given. */
    static final String URL_VARIABLE = "WM_PROVISIONING_URL";

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "Provisioning service URL (default: $" + URL_VARIABLE + ").")
    String url;

    @Option(names = "--dir", defaultValue = ".", description = "The enrolled device.p12 and agent.json "
            + "(default: the current directory).")
    Path directory;

    /** Where the keystore password and URL are read from; tests replace it, nothing else should. */
    Function<String, String> environment = System::getenv;

    private final String command;

    RenewCommand(DeviceRole role) {
        this.command = "waymark " + (role == DeviceRole.HUB ? "hub" : "edge") + " renew";
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String password = environment.apply(DeviceEnrollment.PASSWORD_VARIABLE);
        String service = url != null ? url : environment.apply(URL_VARIABLE);
        if (password == null || password.isEmpty()) {
            err.printf("%s: set %s to the keystore password.%n", command, DeviceEnrollment.PASSWORD_VARIABLE);
            return ExitCodes.USAGE;
        }
        if (service == null || service.isBlank()) {
            err.printf("%s: give --url or set %s to the provisioning service URL.%n", command, URL_VARIABLE);
            return ExitCodes.USAGE;
        }
        try {
            DeviceEnrollment.Result renewed = DeviceEnrollment.renew(service, directory, password.toCharArray(),
                    BuildInfo.version(), Clock.systemUTC());
            spec.commandLine().getOut().printf("Renewed %s: certificate serial %s, valid until %s.%n"
                    + "Restart the agent to use it.%n", renewed.config().deviceId(), renewed.certSerial(),
                    renewed.certExpiry());
            return ExitCodes.OK;
        } catch (EnrollmentRefused refused) {
            err.printf("%s: the provisioning service refused: %s: %s%n  A revoked or replaced device cannot "
                    + "renew; ask your operator for a new enrollment token.%n", command, refused.field(),
                    refused.reason());
            return ExitCodes.REJECTED;
        } catch (IOException e) {
            err.printf("%s: could not renew with %s: %s%n  The current certificate and keystore are unchanged.%n",
                    command, service, e.getMessage());
            return ExitCodes.REJECTED;
        }
    }

    /** {@code waymark edge renew}. */
    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "Renew this kiosk's certificate before it expires (mutual TLS with the current one).")
    public static final class Kiosk extends RenewCommand {
        public Kiosk() {
            super(DeviceRole.KIOSK);
        }
    }

    /** {@code waymark hub renew}. */
    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "Renew this hub's client certificate before it expires (mutual TLS with the current one).")
    public static final class Hub extends RenewCommand {
        public Hub() {
            super(DeviceRole.HUB);
        }
    }
}
