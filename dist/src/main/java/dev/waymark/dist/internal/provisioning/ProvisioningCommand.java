package dev.waymark.dist.internal.provisioning;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.DeviceEnrollment;
import dev.waymark.provisioning.ProvisioningRoutes;
import dev.waymark.provisioning.ProvisioningSettings;
import dev.waymark.provisioning.ProvisioningVerticle;
import dev.waymark.provisioning.StoreAccess;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.SecretKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark provisioning}: the standalone provisioning service on an HTTPS port until the cloud core mounts
 * it. Secrets come from the environment only: the CA keystore password ({@value DeviceCa#PASSWORD_VARIABLE}),
 * the admin API key ({@value StoreAccess#ADMIN_KEY_VARIABLE}) and the pseudonymization keystore password
 * ({@value DeviceEnrollment#PASSWORD_VARIABLE}).
 */
@Command(name = "provisioning", mixinStandardHelpOptions = true,
        description = "Run the device provisioning service (device CA, enrollment, renewal, revocation) over HTTPS.")
public final class ProvisioningCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--ca", defaultValue = "ca.p12", description = "CA keystore (PKCS#12). Default: ${DEFAULT-VALUE}.")
    Path caFile;

    @Option(names = "--init-ca", description = "Create the CA keystore if it does not exist.")
    boolean initCa;

    @Option(names = "--db", defaultValue = "registry.db", description = "Device registry (SQLite). "
            + "Default: ${DEFAULT-VALUE}.")
    Path registry;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on. Default: "
            + "${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--host", split = ",", defaultValue = "localhost,127.0.0.1",
            description = "Names and addresses in the service certificate; the first forms the URL. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> hosts;

    @Option(names = "--hub-host", defaultValue = "hub.{store}.local",
            description = "A store hub's DNS name ({store} is replaced). Default: ${DEFAULT-VALUE}.")
    String hubHost;

    @Option(names = "--bundle-key", required = true, description = "PEM public key that verifies decision bundles.")
    Path bundleKey;

    @Option(names = "--pseudonymization-keystore", required = true,
            description = "PKCS#12 holding the pseudonymization key (password from WM_KEYSTORE_PASSWORD).")
    Path pseudonymizationKeystore;

    @Option(names = "--pseudonymization-key-id", required = true, description = "Alias (= key id) of that key.")
    String pseudonymizationKeyId;

    /** Where secrets are read from; tests replace it. */
    Function<String, String> environment = System::getenv;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String caPassword = environment.apply(DeviceCa.PASSWORD_VARIABLE);
        String adminKey = environment.apply(StoreAccess.ADMIN_KEY_VARIABLE);
        String keyPassword = environment.apply(DeviceEnrollment.PASSWORD_VARIABLE);
        if (caPassword == null || adminKey == null || keyPassword == null) {
            err.printf("waymark provisioning: set %s, %s and %s%n", DeviceCa.PASSWORD_VARIABLE,
                    StoreAccess.ADMIN_KEY_VARIABLE, DeviceEnrollment.PASSWORD_VARIABLE);
            return ExitCodes.USAGE;
        }
        Clock clock = Clock.systemUTC();
        DeviceCa ca;
        PseudonymizationKey key;
        String bundlePem;
        StoreAccess access;
        try {
            if (initCa && !Files.exists(caFile)) {
                DeviceCa.generate("Waymark device CA", clock).save(caFile, caPassword.toCharArray());
                spec.commandLine().getOut().printf("Created device CA %s; back it up now (docs/operations.md).%n",
                        caFile);
            }
            ca = DeviceCa.load(caFile, caPassword.toCharArray(), clock);
            key = readKey(keyPassword.toCharArray());
            bundlePem = Files.readString(bundleKey);
            access = StoreAccess.adminKey(adminKey);
        } catch (IOException | IllegalArgumentException e) {
            err.printf("waymark provisioning: %s%n", e.getMessage());
            return ExitCodes.USAGE;
        }
        String url = "https://" + hosts.get(0) + ":" + port + ProvisioningRoutes.MOUNT_POINT;
        ProvisioningSettings settings;
        try {
            settings = ProvisioningSettings.of(url, hubHost, bundlePem, key);
        } catch (IllegalArgumentException e) {
            err.printf("waymark provisioning: %s%n", e.getMessage());
            return ExitCodes.USAGE;
        }
        Vertx vertx = Vertx.vertx();
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            vertx.deployVerticle(new ProvisioningVerticle(ca, access, settings, registry, bind, port, hosts, clock))
                    .await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.printf("waymark provisioning: cannot start on port %d: %s%n", port, e.getMessage());
            vertx.close();
            return ExitCodes.REJECTED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Provisioning service listening on %s%n  CA fingerprint %s%n", url, ca.fingerprint());
        out.println("Field techs: waymark provision token --url " + url + " --ca-fingerprint " + ca.fingerprint()
                + " --store <store> --role kiosk|hub");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().await();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }

    private PseudonymizationKey readKey(char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(pseudonymizationKeystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(pseudonymizationKeyId, password) instanceof SecretKey secret)) {
                throw new IOException(pseudonymizationKeystore + " holds no secret key '" + pseudonymizationKeyId
                        + "'");
            }
            return PseudonymizationKey.of(pseudonymizationKeyId, secret.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + pseudonymizationKeystore + ": " + e.getMessage(), e);
        }
    }
}
