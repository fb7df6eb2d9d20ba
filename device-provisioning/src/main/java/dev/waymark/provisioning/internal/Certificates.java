package dev.waymark.provisioning.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Bouncy Castle certificate and CRL building with the JDK's own EC provider (no provider registration needed). */
public final class Certificates {

    /** ECDSA over P-256 with SHA-256: the only signature the CA makes. */
    public static final String SIGNATURE = "SHA256withECDSA";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    /** A fresh EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every JDK 17", e);
        }
    }

    /** A random positive 127-bit serial (RFC 5280 allows up to 20 octets and asks for unpredictable serials). */
    public static BigInteger newSerial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    /** The self-signed CA certificate. */
    public static X509Certificate selfSignedCa(X500Name name, KeyPair keys, Instant from, Instant until) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, newSerial(), Date.from(from),
                Date.from(until), name, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build CA extensions", e);
        }
        return sign(builder, keys.getPrivate());
    }

    /** An end-entity certificate with one extended key usage and the given subject alternative names. */
    public static X509Certificate endEntity(X509Certificate ca, PrivateKey caKey, X500Name subject, PublicKey key,
                                            Instant from, Instant until, KeyPurposeId usage,
                                            List<GeneralName> altNames) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, newSerial(), Date.from(from),
                Date.from(until), subject, key);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(altNames.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build certificate extensions", e);
        }
        return sign(builder, caKey);
    }

    /** A CRL listing {@code serials} (each with its revocation time), valid from {@code now} to {@code next}. */
    public static X509CRL crl(X509Certificate ca, PrivateKey caKey, List<RevokedSerial> serials, long number,
                              Instant now, Instant next) {
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca, Date.from(now));
        builder.setNextUpdate(Date.from(next));
        for (RevokedSerial serial : serials) {
            builder.addCRLEntry(serial.serial(), Date.from(serial.at()), CRLReason.unspecified);
        }
        try {
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(caKey)));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build CRL", e);
        }
    }

    /** One entry of a CRL. */
    public record RevokedSerial(BigInteger serial, Instant at) {
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot convert certificate", e);
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + SIGNATURE, e);
        }
    }
}
