package dev.waymark.cloud.internal.gateway.broker;

import dev.waymark.protocol.Source;
import dev.waymark.protocol.device.DeviceRole;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The store hub a client certificate names: the device CA writes the role into the subject's OU ({@code hub}) and
 * the device into the SAN URI {@code wm:/s/{store}/d/{device}} (see {@code DeviceCa#issueClient}).
 *
 * @param storeId the hub's store
 * @param hubId   the hub's device id, which must also be its MQTT client id
 */
record HubIdentity(String storeId, String hubId) {

    private static final int SAN_URI = 6;
    private static final String HUB = DeviceRole.HUB.name().toLowerCase(Locale.ROOT);

    /** The hub a certificate names; empty when it names no device or the device is not a hub (a kiosk). */
    static Optional<HubIdentity> of(X509Certificate certificate) {
        if (!HUB.equals(role(certificate))) {
            return Optional.empty();
        }
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            for (List<?> name : names == null ? List.<List<?>>of() : names) {
                if (name.size() == 2 && Integer.valueOf(SAN_URI).equals(name.get(0))
                        && name.get(1) instanceof String uri && uri.startsWith("wm:/s/")) {
                    Source source = Source.parse(uri);
                    if (source.isDevice()) {
                        return Optional.of(new HubIdentity(source.storeId().orElseThrow(),
                                source.deviceId().orElseThrow()));
                    }
                }
            }
            return Optional.empty();
        } catch (CertificateParsingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String role(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("OU")) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return "";
        } catch (InvalidNameException e) {
            return "";
        }
    }
}
