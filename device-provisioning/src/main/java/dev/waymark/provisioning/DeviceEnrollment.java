package dev.waymark.provisioning;

import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.internal.Certificates;
import dev.waymark.provisioning.internal.DeviceKeystore;
import dev.waymark.provisioning.internal.Pem;
import dev.waymark.provisioning.internal.ProvisioningClient;
import dev.waymark.provisioning.internal.TokenCodec;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The device side of enrollment: makes its own key pair(s), sends CSRs with the token, trusts the service only if
 * it presents a chain to the CA whose fingerprint the token or QR code carried, checks what comes back, and writes
 * {@value #KEYSTORE_FILE} (PKCS#12, mode 600: the client key and chain under {@code device}, a hub's server key
 * under {@code hub-server}, the CA under {@code waymark-ca}, the pseudonymization key under its key id) and
 * {@value #CONFIG_FILE} (the agent's {@link DeviceConfig}). Blocking; for the CLI and agents, not event loops.
 */
public final class DeviceEnrollment {

    /** The environment variable the CLI reads the device keystore password from. */
    public static final String PASSWORD_VARIABLE = "WM_KEYSTORE_PASSWORD";
    /** The keystore's file name in the device directory. */
    public static final String KEYSTORE_FILE = "device.p12";
    /** The agent configuration's file name in the device directory. */
    public static final String CONFIG_FILE = "agent.json";

    private static final ContractCodec CODEC = ContractCodec.create();

    private DeviceEnrollment() {
    }

    /**
     * What enrollment or renewal left on disk.
     *
     * @param config     the device's configuration
     * @param keystore   the keystore file
     * @param configFile the configuration file
     * @param certSerial the client certificate's serial, hex
     * @param certExpiry the client certificate's notAfter
     */
    public record Result(DeviceConfig config, Path keystore, Path configFile, String certSerial, Instant certExpiry) {
    }

    /**
     * Enrolls this device as {@code role} with the token and CA fingerprint of {@code qr}, writing into
     * {@code directory}. Throws {@link EnrollmentRefused} when the service says no, IOException when it cannot be
     * reached, is not the pinned CA's, or answers something inconsistent.
     */
    public static Result enroll(EnrollmentQr qr, DeviceRole role, Path directory, char[] keystorePassword,
                                String softwareVersion, Clock clock) throws IOException, EnrollmentRefused {
        TokenCodec.Parsed token = TokenCodec.parse(qr.token()).acceptedValue()
                .orElseThrow(() -> new EnrollmentRefused(0, "token", "is not a Waymark enrollment token"));
        if (token.role() != role) {
            throw new EnrollmentRefused(0, "token", "is for a " + wire(token.role()) + ", this is a " + wire(role));
        }
        KeyPair client = Certificates.newKeyPair();
        Optional<KeyPair> server = role == DeviceRole.HUB ? Optional.of(Certificates.newKeyPair()) : Optional.empty();
        JsonObject request = new JsonObject().put("token", qr.token()).put("role", wire(role))
                .put("csr", csr(client, token.storeId(), role)).put("softwareVersion", softwareVersion);
        server.ifPresent(keys -> request.put("serverCsr", csr(keys, token.storeId(), role)));
        ProvisioningClient http = new ProvisioningClient(qr.url(), DeviceTrust.forServers(qr.caFingerprint(), clock),
                null);
        JsonObject answer = http.post("/enroll", request, "");

        DeviceConfig config = config(answer, qr.caFingerprint(), token.storeId(), role);
        List<X509Certificate> chain = chain(answer.getString("certificateChain"), client, qr.caFingerprint());
        KeyStore store = DeviceKeystore.open(Optional.empty(), keystorePassword);
        DeviceKeystore.putKey(store, DeviceKeystore.CLIENT_ALIAS, client.getPrivate(), chain, keystorePassword);
        DeviceKeystore.putCa(store, chain.get(chain.size() - 1));
        if (server.isPresent()) {
            List<X509Certificate> serverChain = chain(answer.getString("serverCertificateChain"), server.get(),
                    qr.caFingerprint());
            DeviceKeystore.putKey(store, DeviceKeystore.SERVER_ALIAS, server.get().getPrivate(), serverChain,
                    keystorePassword);
        }
        PseudonymizationKey key = pseudonymizationKey(answer, config);
        DeviceKeystore.putSecret(store, key.keyId(), key.secret(), keystorePassword);
        return write(directory, store, keystorePassword, config, chain.get(0));
    }

    /**
     * Renews the client certificate with a new key, authenticating with the current one over mutual TLS. The
     * keystore keeps its other entries. Throws like {@link #enroll}.
     */
    public static Result renew(String provisioningUrl, Path directory, char[] keystorePassword,
                               String softwareVersion, Clock clock) throws IOException, EnrollmentRefused {
        Path keystoreFile = directory.resolve(KEYSTORE_FILE);
        DeviceConfig config = CODEC.decode(Files.readAllBytes(directory.resolve(CONFIG_FILE)), DeviceConfig.class)
                .acceptedValue().orElseThrow(() -> new IOException(CONFIG_FILE + " is not a device configuration"));
        KeyStore store = DeviceKeystore.open(Optional.of(keystoreFile), keystorePassword);
        KeyPair fresh = Certificates.newKeyPair();
        ProvisioningClient http = new ProvisioningClient(provisioningUrl,
                DeviceTrust.forServers(config.caFingerprint(), clock), clientKeys(store, keystorePassword));
        JsonObject answer = http.post("/renew", new JsonObject()
                .put("csr", csr(fresh, config.storeId(), config.role())).put("softwareVersion", softwareVersion), "");
        List<X509Certificate> chain = chain(answer.getString("certificateChain"), fresh, config.caFingerprint());
        DeviceKeystore.putKey(store, DeviceKeystore.CLIENT_ALIAS, fresh.getPrivate(), chain, keystorePassword);
        return write(directory, store, keystorePassword, config, chain.get(0));
    }

    private static Result write(Path directory, KeyStore store, char[] password, DeviceConfig config,
                                X509Certificate certificate) throws IOException {
        Path keystoreFile = directory.resolve(KEYSTORE_FILE);
        Path configFile = directory.resolve(CONFIG_FILE);
        DeviceKeystore.write(store, keystoreFile, password);
        DeviceKeystore.writeText(configFile, CODEC.encode(config), "rw-r-----");
        return new Result(config, keystoreFile, configFile, DeviceCa.serialOf(certificate),
                certificate.getNotAfter().toInstant());
    }

    private static KeyManager[] clientKeys(KeyStore store, char[] password) throws IOException {
        try {
            if (!(store.getKey(DeviceKeystore.CLIENT_ALIAS, password) instanceof PrivateKey key)) {
                throw new IOException("the keystore holds no device key; enroll first");
            }
            // Only the client identity: a hub's keystore also holds its server key, which must never be offered.
            KeyStore only = DeviceKeystore.open(Optional.empty(), password);
            List<X509Certificate> chain = List.of(store.getCertificateChain(DeviceKeystore.CLIENT_ALIAS)).stream()
                    .map(X509Certificate.class::cast).toList();
            DeviceKeystore.putKey(only, DeviceKeystore.CLIENT_ALIAS, key, chain, password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(only, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the device key: " + e.getMessage(), e);
        }
    }

    private static DeviceConfig config(JsonObject answer, String fingerprint, String storeId, DeviceRole role)
            throws IOException {
        JsonObject json = answer.getJsonObject("config");
        if (json == null) {
            throw new IOException("the service sent no configuration");
        }
        Decoded<DeviceConfig> decoded = CODEC.decode(json.encode().getBytes(StandardCharsets.UTF_8),
                DeviceConfig.class);
        DeviceConfig config = decoded.acceptedValue().orElseThrow(() -> new IOException(
                "the service sent an invalid configuration: " + decoded.rejectionIfAny().orElseThrow().message()));
        if (!config.caFingerprint().equals(fingerprint) || !config.storeId().equals(storeId)
                || config.role() != role) {
            throw new IOException("the configuration names another CA, store or role than the token");
        }
        return config;
    }

    private static List<X509Certificate> chain(String pem, KeyPair keys, String fingerprint) throws IOException {
        if (pem == null) {
            throw new IOException("the service sent no certificate chain");
        }
        try {
            List<X509Certificate> chain = Pem.certificates(pem);
            if (chain.size() != 2 || !chain.get(0).getPublicKey().equals(keys.getPublic())
                    || !Pem.fingerprint(chain.get(1)).equals(fingerprint)) {
                throw new IOException("the certificate chain is not for this key or not from the pinned CA");
            }
            chain.get(0).verify(chain.get(1).getPublicKey());
            return chain;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the certificate chain does not verify: " + e.getMessage(), e);
        }
    }

    private static PseudonymizationKey pseudonymizationKey(JsonObject answer, DeviceConfig config) throws IOException {
        JsonObject json = answer.getJsonObject("pseudonymizationKey");
        try {
            PseudonymizationKey key = PseudonymizationKey.of(json.getString("keyId"),
                    Base64.getDecoder().decode(json.getString("secret")));
            if (!key.keyId().equals(config.pseudonymizationKeyAlias())) {
                throw new IOException("the pseudonymization key id does not match the configuration");
            }
            return key;
        } catch (NullPointerException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("the service sent no usable pseudonymization key", e);
        }
    }

    private static String csr(KeyPair keys, String storeId, DeviceRole role) {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, storeId).addRDN(BCStyle.OU, wire(role))
                .build();
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder(Certificates.SIGNATURE).build(keys.getPrivate()));
            return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build a CSR", e);
        }
    }

    private static String wire(DeviceRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
