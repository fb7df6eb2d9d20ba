package dev.waymark.console;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the console listens and whose API it serves. {@code cloud} is the cloud core's HTTP API base URL
 * ({@code http://host:port}); {@code provisioning} the cloud's enrollment service ({@code https://host:port}) with
 * the SHA-256 fingerprint of the device CA that signs its certificate, or empty when the console has no Devices page.
 *
 * @param cloud         the cloud API's base URL, http or https, with host and no path
 * @param host          the address to listen on (default {@code 127.0.0.1})
 * @param port          the port to listen on, 0 for any free one (default 8090)
 * @param provisioning  the enrollment service's base URL, https, with host and no path
 * @param provisioningCa the device CA fingerprint that service's certificate must chain to, 64 lower-case hex
 */
public record ConsoleSettings(URI cloud, String host, int port, Optional<URI> provisioning,
        Optional<String> provisioningCa) {

    /** The port {@code waymark console} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8090;

    /** Validates; throws IllegalArgumentException naming the setting that is wrong. */
    public ConsoleSettings {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(provisioningCa, "provisioningCa");
        requireOrigin("cloud", cloud, "http", "https");
        provisioning.ifPresent(url -> requireOrigin("provisioning", url, "https"));
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: must be 0 to 65535, not " + port);
        }
        if (provisioning.isPresent() != provisioningCa.isPresent()) {
            throw new IllegalArgumentException("provisioningCa: needed exactly when provisioning is set");
        }
        provisioningCa.filter(fingerprint -> !fingerprint.matches("[0-9a-f]{64}")).ifPresent(bad -> {
            throw new IllegalArgumentException("provisioningCa: must be 64 lower-case hex digits");
        });
    }

    /** The console for the cloud API at {@code cloud}, on 127.0.0.1:8090, without the Devices page. */
    public static ConsoleSettings of(URI cloud) {
        return new ConsoleSettings(cloud, "127.0.0.1", DEFAULT_PORT, Optional.empty(), Optional.empty());
    }

    /** The same, listening on {@code host:port}. */
    public ConsoleSettings listeningOn(String host, int port) {
        return new ConsoleSettings(cloud, host, port, provisioning, provisioningCa);
    }

    /** The same, with the enrollment service at {@code url} whose certificate chains to CA {@code caFingerprint}. */
    public ConsoleSettings withProvisioning(URI url, String caFingerprint) {
        return new ConsoleSettings(cloud, host, port, Optional.of(url), Optional.of(caFingerprint));
    }

    private static void requireOrigin(String name, URI url, String... schemes) {
        boolean schemeKnown = url.getScheme() != null && Arrays.asList(schemes).contains(url.getScheme());
        if (!schemeKnown || url.getHost() == null) {
            throw new IllegalArgumentException(name + ": must be a " + String.join(" or ", schemes)
                    + " URL with a host, like " + schemes[0] + "://127.0.0.1:8080");
        }
        String path = url.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null) {
            throw new IllegalArgumentException(name + ": must have no path or query (the console adds /v1/...)");
        }
    }

    /** The port of {@code url}, or its scheme's default. */
    static int portOf(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }
}
