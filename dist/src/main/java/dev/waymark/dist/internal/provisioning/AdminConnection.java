package dev.waymark.dist.internal.provisioning;

import dev.waymark.provisioning.ProvisioningAdmin;
import dev.waymark.provisioning.StoreAccess;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options every {@code waymark provision} subcommand shares: where the service is and which CA to pin. The
 * admin API key comes from {@value StoreAccess#ADMIN_KEY_VARIABLE} only, so it stays out of shell history.
 */
final class AdminConnection {

    /** Environment fallback for {@code --url}. */
    static final String URL_VARIABLE = "WM_PROVISIONING_URL";
    /** Environment fallback for {@code --ca-fingerprint}. */
    static final String FINGERPRINT_VARIABLE = "WM_PROVISIONING_CA";

    @Option(names = "--url", description = "Provisioning service URL (default: $" + URL_VARIABLE + ").")
    String url;

    @Option(names = "--ca-fingerprint", description = "SHA-256 fingerprint of the device CA, as 'waymark "
            + "provisioning' printed it (default: $" + FINGERPRINT_VARIABLE + ").")
    String caFingerprint;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** The admin client, or a message saying what is missing. */
    Connected connect(Function<String, String> environment) {
        String target = Optional.ofNullable(url).orElse(environment.apply(URL_VARIABLE));
        String pin = Optional.ofNullable(caFingerprint).orElse(environment.apply(FINGERPRINT_VARIABLE));
        String key = environment.apply(StoreAccess.ADMIN_KEY_VARIABLE);
        if (target == null || pin == null) {
            return new Connected(Optional.empty(), "give --url and --ca-fingerprint (or set " + URL_VARIABLE
                    + " and " + FINGERPRINT_VARIABLE + ")");
        }
        if (key == null || key.isEmpty()) {
            return new Connected(Optional.empty(), "set " + StoreAccess.ADMIN_KEY_VARIABLE + " to the admin API key");
        }
        try {
            return new Connected(Optional.of(ProvisioningAdmin.connect(target,
                    pin.toLowerCase(Locale.ROOT), key, Clock.systemUTC())), "");
        } catch (IllegalArgumentException e) {
            return new Connected(Optional.empty(), e.getMessage());
        }
    }

    /** A client, or why there is none. */
    record Connected(Optional<ProvisioningAdmin> admin, String problem) {
    }
}
