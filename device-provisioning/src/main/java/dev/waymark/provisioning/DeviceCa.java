package dev.waymark.provisioning;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.internal.Certificates;
import dev.waymark.provisioning.internal.Certificates.RevokedSerial;
import dev.waymark.provisioning.internal.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The device CA: an EC P-256 key and self-signed certificate that issue kiosk and hub client certificates
 * (EKU clientAuth, CN = device id, SAN URI {@code wm:/s/{store}/d/{device}}), hub and service server certificates
 * (EKU serverAuth, SAN naming the store or host) and signed revocation lists. The key lives in a PKCS#12 file whose
 * password the caller reads from {@value #PASSWORD_VARIABLE}; this class never reads the environment itself.
 * Thread-safe.
 */
public final class DeviceCa {

    /** The environment variable the CLI reads the CA keystore password from. */
    public static final String PASSWORD_VARIABLE = "WM_CA_PASSWORD";
    /** Default client certificate validity: 90 days, renewed by the agent well before. */
    public static final Duration DEFAULT_DEVICE_VALIDITY = Duration.ofDays(90);
    /** CA validity: 10 years; rotation is described in docs/operations.md. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);

    private static final String ALIAS = "waymark-device-ca";
    // Five minutes of back-dating absorbs clock skew between the service and a freshly booted device.
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;

    private DeviceCa(X509Certificate certificate, PrivateKey key, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /** A new CA named {@code CN=commonName, O=Waymark}, valid for {@link #CA_VALIDITY} from now. */
    public static DeviceCa generate(String commonName, Clock clock) {
        KeyPair keys = Certificates.newKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Waymark")
                .addRDN(BCStyle.CN, commonName).build();
        Instant now = clock.instant();
        return new DeviceCa(Certificates.selfSignedCa(name, keys, now.minus(SKEW), now.plus(CA_VALIDITY)),
                keys.getPrivate(), clock);
    }

    /** Loads the CA from a PKCS#12 file; IOException when it is missing, unreadable or the password is wrong. */
    public static DeviceCa load(Path file, char[] password, Clock clock) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(ALIAS, password) instanceof PrivateKey key)) {
                throw new IOException(file + " holds no private key under alias " + ALIAS);
            }
            return new DeviceCa((X509Certificate) store.getCertificate(ALIAS), key, clock);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read CA keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the CA to a new PKCS#12 file readable by its owner only; IOException if it exists or fails. */
    public void save(Path file, char[] password) throws IOException {
        if (password.length < 12) {
            throw new IllegalArgumentException("password: must be at least 12 characters");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, new Certificate[] {certificate});
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                store.store(out, password);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write CA keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The CA certificate, the devices' trust anchor. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the CA certificate's DER, 64 lower-case hex digits: what tokens and QR codes carry. */
    public String fingerprint() {
        return Pem.fingerprint(certificate);
    }

    /** A client certificate: CN = device id, OU = role, O = store, SAN URI wm:/s/{store}/d/{device}. */
    public X509Certificate issueClient(PublicKey deviceKey, String storeId, String deviceId, DeviceRole role,
                                       Duration validity) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, storeId)
                .addRDN(BCStyle.OU, role.name().toLowerCase(Locale.ROOT)).addRDN(BCStyle.CN, deviceId).build();
        return issue(subject, deviceKey, validity, KeyPurposeId.id_kp_clientAuth,
                List.of(new GeneralName(GeneralName.uniformResourceIdentifier, deviceUri(storeId, deviceId))));
    }

    /** A hub's TLS server certificate: SAN DNS {@code hostName} and URI wm:/s/{store}/hub, EKU serverAuth. */
    public X509Certificate issueHubServer(PublicKey hubKey, String storeId, String deviceId, String hostName,
                                          Duration validity) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, storeId)
                .addRDN(BCStyle.OU, "hub").addRDN(BCStyle.CN, deviceId).build();
        return issue(subject, hubKey, validity, KeyPurposeId.id_kp_serverAuth, List.of(
                new GeneralName(GeneralName.dNSName, hostName),
                new GeneralName(GeneralName.uniformResourceIdentifier, hubUri(storeId))));
    }

    /** A server certificate for a service (e.g. provisioning) answering on these DNS names or IP addresses. */
    public X509Certificate issueServiceServer(PublicKey serviceKey, List<String> hostNames, Duration validity) {
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("hostNames: needs at least one");
        }
        List<GeneralName> names = new ArrayList<>();
        for (String host : hostNames) {
            boolean ip = host.matches("[0-9.]+") || host.contains(":");
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Waymark")
                .addRDN(BCStyle.CN, hostNames.get(0)).build();
        return issue(subject, serviceKey, validity, KeyPurposeId.id_kp_serverAuth, names);
    }

    /** A CRL signed by the CA listing these revocations, next update after {@code nextUpdateIn}. */
    public X509CRL revocationList(List<Revocation> revocations, Duration nextUpdateIn) {
        List<RevokedSerial> serials = revocations.stream()
                .map(r -> new RevokedSerial(new BigInteger(r.serial(), 16), r.revokedAt())).toList();
        long number = revocations.stream().mapToLong(Revocation::sequence).max().orElse(0);
        Instant now = clock.instant();
        return Certificates.crl(certificate, key, serials, number, now, now.plus(nextUpdateIn));
    }

    /** The SAN URI naming a device. */
    public static String deviceUri(String storeId, String deviceId) {
        return "wm:/s/" + storeId + "/d/" + deviceId;
    }

    /** The SAN URI naming a store's hub. */
    public static String hubUri(String storeId) {
        return "wm:/s/" + storeId + "/hub";
    }

    /** The certificate serial as the registry stores it, lower-case hex. */
    public static String serialOf(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    private X509Certificate issue(X500Name subject, PublicKey publicKey, Duration validity, KeyPurposeId usage,
                                  List<GeneralName> names) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity: must be positive");
        }
        Instant now = clock.instant();
        Instant until = now.plus(validity);
        if (until.isAfter(certificate.getNotAfter().toInstant())) {
            until = certificate.getNotAfter().toInstant();
        }
        return Certificates.endEntity(certificate, key, subject, publicKey, now.minus(SKEW), until, usage, names);
    }
}
