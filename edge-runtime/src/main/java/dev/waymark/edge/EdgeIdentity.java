package dev.waymark.edge;

import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.DeviceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.SecretKey;

/**
 * Who the agent is: its enrolled {@link DeviceConfig}, the PKCS#12 keystore holding its TLS key and chain, that
 * keystore's password, and the pseudonymization key (the keystore's secret-key entry under
 * {@code DeviceConfig.pseudonymizationKeyAlias()}, whose alias is its key id).
 *
 * @param config   the device config
 * @param keystore the loaded keystore
 * @param password its password (also the private key's)
 * @param pseudonymizationKey the key masking makes tokens with
 */
public record EdgeIdentity(DeviceConfig config, KeyStore keystore, char[] password,
                           PseudonymizationKey pseudonymizationKey) {

    /** Throws NullPointerException naming a missing part. */
    public EdgeIdentity {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(keystore, "keystore");
        password = Objects.requireNonNull(password, "password").clone();
        Objects.requireNonNull(pseudonymizationKey, "pseudonymizationKey");
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    /**
     * Loads the files the settings name, the password from the environment variable they name. Throws
     * IllegalArgumentException with a message naming the file, key or variable that is missing or wrong.
     */
    public static EdgeIdentity load(EdgeSettings settings, Function<String, String> environment) {
        DeviceConfig config = readConfig(settings.deviceConfig());
        String password = environment.apply(settings.keystorePasswordEnv());
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(EdgeSettings.KEYSTORE_PASSWORD_ENV + ": set "
                    + settings.keystorePasswordEnv() + " to the password of " + settings.keystore());
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(settings.keystore())) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(EdgeSettings.KEYSTORE + ": cannot open " + settings.keystore()
                    + " (missing, wrong password or not PKCS#12): " + e.getMessage(), e);
        }
        String alias = config.pseudonymizationKeyAlias();
        try {
            Key key = store.getKey(alias, password.toCharArray());
            if (!(key instanceof SecretKey secret) || secret.getEncoded() == null) {
                throw new IllegalArgumentException("pseudonymizationKeyAlias: " + settings.keystore()
                        + " holds no secret key '" + alias + "'");
            }
            return new EdgeIdentity(config, store, password.toCharArray(),
                    PseudonymizationKey.of(alias, secret.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("pseudonymizationKeyAlias: cannot read '" + alias + "' from "
                    + settings.keystore() + ": " + e.getMessage(), e);
        }
    }

    private static DeviceConfig readConfig(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(EdgeSettings.DEVICE_CONFIG + ": cannot read " + file, e);
        }
        Decoded<DeviceConfig> decoded = ContractCodec.create().decode(bytes, DeviceConfig.class);
        if (decoded instanceof Decoded.Rejected<DeviceConfig> r) {
            throw new IllegalArgumentException(EdgeSettings.DEVICE_CONFIG + ": " + file + ": "
                    + r.rejection().message());
        }
        return decoded.orElseThrow();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdgeIdentity that && config.equals(that.config)
                && pseudonymizationKey.equals(that.pseudonymizationKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, pseudonymizationKey);
    }

    @Override
    public String toString() {
        return "EdgeIdentity[" + config.storeId() + "/" + config.deviceId() + ", key " + pseudonymizationKey + "]";
    }
}
