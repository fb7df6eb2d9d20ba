package dev.waymark.dist.internal;

import dev.waymark.privacy.PseudonymizationKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import javax.crypto.SecretKey;

/**
 * Reads the pseudonymization key from a password-protected PKCS#12 keystore. The key's alias is its key id, so
 * tokens made under it read {@code tok:{alias}:...}. The password comes from an environment variable, never from
 * the command line or a file, so it stays out of shell history and process listings.
 */
final class KeystoreKeys {

    /** The environment variable holding the keystore password. */
    static final String PASSWORD_VARIABLE = "WM_KEYSTORE_PASSWORD";

    private KeystoreKeys() {
    }

    /** The key under {@code alias}; throws {@link KeyUnavailable} with a message a shell user can act on. */
    static PseudonymizationKey load(Path keystore, String alias, String password) {
        if (password == null || password.isEmpty()) {
            throw new KeyUnavailable("set " + PASSWORD_VARIABLE + " to the password of " + keystore);
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (!store.containsAlias(alias)) {
                throw new KeyUnavailable(keystore + " holds no key with alias '" + alias + "' (aliases: "
                        + String.join(", ", java.util.Collections.list(store.aliases())) + ")");
            }
            Key key = store.getKey(alias, password.toCharArray());
            if (!(key instanceof SecretKey secret) || secret.getEncoded() == null) {
                throw new KeyUnavailable("'" + alias + "' in " + keystore + " is not a secret key; create one with "
                        + "keytool -genseckey -keyalg HmacSHA256 -keysize 256 -storetype PKCS12");
            }
            return PseudonymizationKey.of(alias, secret.getEncoded());
        } catch (NoSuchFileException e) {
            throw new KeyUnavailable("keystore " + keystore + " does not exist");
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
            throw new KeyUnavailable("cannot open keystore " + keystore + ": wrong password or not PKCS#12 ("
                    + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailable("cannot read key '" + alias + "' from " + keystore + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new KeyUnavailable("key '" + alias + "' in " + keystore + " is unusable: " + e.getMessage());
        }
    }

    /** The key cannot be had; the message says what to do. */
    static final class KeyUnavailable extends RuntimeException {
        KeyUnavailable(String message) {
            super(message);
        }
    }
}
