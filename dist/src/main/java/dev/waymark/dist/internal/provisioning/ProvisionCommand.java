package dev.waymark.dist.internal.provisioning;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.Device;
import dev.waymark.provisioning.EnrollmentRefused;
import dev.waymark.provisioning.ProvisioningAdmin;
import dev.waymark.provisioning.Revocation;
import dev.waymark.provisioning.TokenGrant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code waymark provision token|devices|revoke|replace}: the field tech's and operator's commands. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Create enrollment tokens, list, revoke and replace kiosks and hubs.",
        subcommands = {ProvisionCommand.Token.class, ProvisionCommand.Devices.class, ProvisionCommand.Revoke.class,
            ProvisionCommand.Replace.class})
public final class ProvisionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Shared plumbing: connect, run, turn refusals into plain messages. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        AdminConnection connection;

        /** Where the admin key and defaults are read from; tests replace it. */
        Function<String, String> environment = System::getenv;

        abstract void run(ProvisioningAdmin admin, PrintWriter out) throws IOException, EnrollmentRefused;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            AdminConnection.Connected connected = connection.connect(environment);
            if (connected.admin().isEmpty()) {
                err.printf("waymark provision %s: %s%n", spec.name(), connected.problem());
                return ExitCodes.USAGE;
            }
            try {
                run(connected.admin().get(), spec.commandLine().getOut());
                return ExitCodes.OK;
            } catch (EnrollmentRefused refused) {
                err.printf("waymark provision %s: refused (%s): %s%n", spec.name(), refused.field(),
                        refused.reason());
                return ExitCodes.REJECTED;
            } catch (IOException e) {
                err.printf("waymark provision %s: cannot reach the provisioning service: %s%n", spec.name(),
                        e.getMessage());
                return ExitCodes.REJECTED;
            }
        }
    }

    /** {@code waymark provision token}. */
    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create a single-use enrollment token (valid 60 minutes) and show it as text and QR code.")
    public static final class Token extends Action {
        @Option(names = "--store", required = true, description = "Store id the device joins.")
        String store;

        @Option(names = "--role", required = true, converter = RoleConverter.class, description = "kiosk or hub.")
        DeviceRole role;

        @Option(names = "--png", description = "Also write the QR code to this PNG file.")
        Path png;

        @Override
        void run(ProvisioningAdmin admin, PrintWriter out) throws IOException, EnrollmentRefused {
            TokenPrinter.print(admin.createToken(store, role), png, connection.json, out);
        }
    }

    /** {@code waymark provision replace}. */
    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = "Revoke a broken device's certificate and create the token its replacement enrolls "
                    + "with; the new hardware keeps the device id.")
    public static final class Replace extends Action {
        @Parameters(paramLabel = "DEVICE_ID", description = "The device to replace.")
        String deviceId;

        @Option(names = "--png", description = "Also write the QR code to this PNG file.")
        Path png;

        @Override
        void run(ProvisioningAdmin admin, PrintWriter out) throws IOException, EnrollmentRefused {
            TokenPrinter.print(admin.replace(deviceId), png, connection.json, out);
        }
    }

    /** {@code waymark provision revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a device (stolen, retired): hubs refuse and disconnect it within a minute.")
    public static final class Revoke extends Action {
        @Parameters(paramLabel = "DEVICE_ID", description = "The device to revoke.")
        String deviceId;

        @Override
        void run(ProvisioningAdmin admin, PrintWriter out) throws IOException, EnrollmentRefused {
            Revocation revocation = admin.revoke(deviceId);
            if (connection.json) {
                out.println(new JsonObject().put("deviceId", revocation.deviceId()).put("store", revocation.storeId())
                        .put("serial", revocation.serial()).put("revokedAt", revocation.revokedAt().toString())
                        .put("sequence", revocation.sequence()).encode());
                return;
            }
            out.printf("Revoked %s in store %s (certificate serial %s) at %s.%n", revocation.deviceId(),
                    revocation.storeId(), revocation.serial(), revocation.revokedAt());
            out.println("Hubs pick this up from the revocation feed and drop the device within a minute.");
        }
    }

    /** {@code waymark provision devices}. */
    @Command(name = "devices", mixinStandardHelpOptions = true, description = "List the devices of a store.")
    public static final class Devices extends Action {
        @Option(names = "--store", required = true, description = "Store id.")
        String store;

        @Override
        void run(ProvisioningAdmin admin, PrintWriter out) throws IOException, EnrollmentRefused {
            List<Device> devices = admin.devices(store);
            if (connection.json) {
                JsonArray array = new JsonArray();
                devices.forEach(d -> array.add(new JsonObject().put("id", d.id()).put("store", d.storeId())
                        .put("role", d.role().name().toLowerCase(Locale.ROOT)).put("status", d.status().wireName())
                        .put("certSerial", d.certSerial().orElse(null))
                        .put("certExpiry", d.certExpiry().map(Object::toString).orElse(null))
                        .put("lastSeen", d.lastSeen().map(Object::toString).orElse(null))
                        .put("softwareVersion", d.softwareVersion().orElse(null))));
                out.println(array.encode());
                return;
            }
            String format = "%-18s %-6s %-9s %-21s %-21s %s%n";
            out.printf(format, "ID", "ROLE", "STATUS", "CERT EXPIRES", "LAST SEEN", "VERSION");
            for (Device d : devices) {
                out.printf(format, d.id(), d.role().name().toLowerCase(Locale.ROOT), d.status().wireName(),
                        d.certExpiry().map(i -> i.toString().substring(0, 19) + "Z").orElse("-"),
                        d.lastSeen().map(i -> i.toString().substring(0, 19) + "Z").orElse("-"),
                        d.softwareVersion().orElse("-"));
            }
            out.printf("%d device(s) in store %s.%n", devices.size(), store);
        }
    }

    /** {@code kiosk} or {@code hub}; anything else is a usage error naming the option. */
    static final class RoleConverter implements ITypeConverter<DeviceRole> {
        @Override
        public DeviceRole convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "kiosk" -> DeviceRole.KIOSK;
                case "hub" -> DeviceRole.HUB;
                default -> throw new TypeConversionException("must be kiosk or hub, not '" + value + "'");
            };
        }
    }

    /** Prints a token for the tech: text, the command to type on the device, and the QR code. */
    static final class TokenPrinter {
        private TokenPrinter() {
        }

        static void print(TokenGrant grant, Path png, boolean json, PrintWriter out) throws IOException {
            if (png != null) {
                grant.qr().writePng(png);
            }
            String role = grant.role().name().toLowerCase(Locale.ROOT);
            if (json) {
                out.println(new JsonObject().put("token", grant.token()).put("store", grant.storeId())
                        .put("role", role).put("expiresAt", grant.expiresAt().toString())
                        .put("deviceId", grant.deviceId().orElse(null)).put("url", grant.qr().url())
                        .put("caFingerprint", grant.qr().caFingerprint()).put("qr", grant.qr().payload())
                        .put("png", png == null ? null : png.toString()).encode());
                return;
            }
            out.printf("Enrollment token for a %s in store %s%s (single use, expires %s):%n%n  %s%n%n", role,
                    grant.storeId(), grant.deviceId().map(id -> ", replacing " + id).orElse(""),
                    grant.expiresAt(), grant.token());
            out.printf("On the device, with %s set, run:%n  waymark %s enroll --url %s --ca-fingerprint %s "
                    + "--token %s%n", "WM_KEYSTORE_PASSWORD", grant.role() == DeviceRole.HUB ? "hub" : "edge",
                    grant.qr().url(), grant.qr().caFingerprint(), grant.token());
            out.printf("or give it the QR code%s:%n%n%s", png == null ? "" : " (also written to " + png + ")",
                    grant.qr().terminal());
        }
    }
}
