package dev.waymark.dist.internal.provisioning;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.dist.internal.BuildInfo;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceEnrollment;
import dev.waymark.provisioning.EnrollmentQr;
import dev.waymark.provisioning.EnrollmentRefused;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark edge enroll} and {@code waymark hub enroll}: enrolls this device with a token (plus the URL and
 * CA fingerprint printed with it) or the QR code PNG, writes its keystore and agent configuration, and says in
 * plain words what happened and what to do next.
 */
public abstract class EnrollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "Provisioning service URL, as printed with the token.")
    String url;

    @Option(names = "--token", description = "Enrollment token, as printed by 'waymark provision token'.")
    String token;

    @Option(names = "--ca-fingerprint", description = "CA fingerprint printed with the token (needed with --token).")
    String caFingerprint;

    @Option(names = "--qr-file", description = "PNG of the enrollment QR code (instead of --url/--token).")
    Path qrFile;

    @Option(names = "--dir", defaultValue = ".", description = "Where to write device.p12 and agent.json "
            + "(default: the current directory).")
    Path directory;

    /** Where the keystore password is read from; tests replace it, nothing else should. */
    Function<String, String> environment = System::getenv;

    private final DeviceRole role;

    EnrollCommand(DeviceRole role) {
        this.role = role;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String password = environment.apply(DeviceEnrollment.PASSWORD_VARIABLE);
        if (password == null || password.length() < 12) {
            err.printf("%s: set %s to the keystore password (at least 12 characters) before enrolling.%n",
                    commandName(), DeviceEnrollment.PASSWORD_VARIABLE);
            return ExitCodes.USAGE;
        }
        EnrollmentQr qr;
        try {
            Decoded<EnrollmentQr> read = readQr();
            if (!read.isAccepted()) {
                err.printf("%s: %s%n", commandName(), read.rejectionIfAny().orElseThrow().message());
                return ExitCodes.USAGE;
            }
            qr = read.orElseThrow();
        } catch (IOException e) {
            err.printf("%s: cannot read %s: %s%n", commandName(), qrFile, e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            DeviceEnrollment.Result result = DeviceEnrollment.enroll(qr, role, directory, password.toCharArray(),
                    BuildInfo.version(), Clock.systemUTC());
            printSuccess(spec.commandLine().getOut(), result);
            return ExitCodes.OK;
        } catch (EnrollmentRefused refused) {
            err.printf("%s: the provisioning service refused this device: %s: %s%n  What to do: %s%n",
                    commandName(), refused.field(), refused.reason(), advice(refused));
            return ExitCodes.REJECTED;
        } catch (SSLException e) {
            err.printf("%s: %s is not the provisioning service the token names (its certificate does not chain "
                    + "to CA %s...). Nothing was written. Check the URL, or ask for a new token.%n", commandName(),
                    qr.url(), qr.caFingerprint().substring(0, 16));
            return ExitCodes.REJECTED;
        } catch (IOException e) {
            err.printf("%s: could not complete enrollment with %s: %s%n  Nothing was kept if the keystore was "
                    + "not written; check the network and retry with the same token.%n", commandName(), qr.url(),
                    e.getMessage());
            return ExitCodes.REJECTED;
        }
    }

    private Decoded<EnrollmentQr> readQr() throws IOException {
        if (qrFile != null) {
            if (url != null || token != null) {
                return Decoded.rejected("qr-file", "use either --qr-file or --url/--token, not both");
            }
            return EnrollmentQr.readPng(qrFile);
        }
        if (url == null || token == null || caFingerprint == null) {
            return Decoded.rejected("token", "give --url, --token and --ca-fingerprint (as printed with the "
                    + "token), or --qr-file");
        }
        try {
            return Decoded.accepted(new EnrollmentQr(url, token, caFingerprint.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Decoded.rejected("token", e.getMessage());
        }
    }

    private void printSuccess(PrintWriter out, DeviceEnrollment.Result result) {
        var config = result.config();
        out.printf("Enrolled %s %s in store %s.%n", role == DeviceRole.HUB ? "hub" : "kiosk", config.deviceId(),
                config.storeId());
        out.printf("  keystore     %s (owner-only; password from %s)%n", result.keystore(),
                DeviceEnrollment.PASSWORD_VARIABLE);
        out.printf("  config       %s%n", result.configFile());
        out.printf("  hub          %s%n", config.hubAddress());
        out.printf("  certificate  serial %s, valid until %s%n", result.certSerial(), result.certExpiry());
        out.println(role == DeviceRole.HUB
                ? "Next: keep these two files; the hub role is not part of this build yet."
                : "Next: start the kiosk agent with this directory's agent.json and device.p12.");
    }

    private static String advice(EnrollmentRefused refused) {
        return switch (refused.status()) {
            case 401 -> "the token is unknown, used or expired; ask for a new one (waymark provision token).";
            case 403 -> "the token is for another store or device role; check which command you ran.";
            case 429 -> "too many failed attempts from this address; wait 15 minutes, then use a fresh token.";
            default -> "check the token and retry; if it persists, send the message above to your operator.";
        };
    }

    private String commandName() {
        return "waymark " + (role == DeviceRole.HUB ? "hub" : "edge") + " enroll";
    }

    /** {@code waymark edge enroll}: enrolls a kiosk. */
    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Enroll this kiosk with a token or QR code; writes device.p12 and agent.json.")
    public static final class Kiosk extends EnrollCommand {
        public Kiosk() {
            super(DeviceRole.KIOSK);
        }
    }

    /** {@code waymark hub enroll}: enrolls a store hub. */
    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Enroll this store hub with a token or QR code; writes device.p12 and agent.json.")
    public static final class Hub extends EnrollCommand {
        public Hub() {
            super(DeviceRole.HUB);
        }
    }
}
