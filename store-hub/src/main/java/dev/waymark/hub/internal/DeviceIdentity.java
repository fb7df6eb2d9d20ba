package dev.waymark.hub.internal;

import dev.waymark.protocol.Source;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who a device certificate names: the SAN URI {@code wm:/s/{store}/d/{device}} that the device CA writes into every
 * client certificate.
 *
 * @param storeId  the store
 * @param deviceId the device
 */
record DeviceIdentity(String storeId, String deviceId) {

    private static final int SAN_URI = 6;

    /** The identity of a certificate, or empty when it carries no valid device URI. */
    static Optional<DeviceIdentity> of(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return Optional.empty();
            }
            for (List<?> name : names) {
                if (name.size() == 2 && Integer.valueOf(SAN_URI).equals(name.get(0))
                        && name.get(1) instanceof String uri && uri.startsWith("wm:/s/")) {
                    Source source = Source.parse(uri);
                    if (source.isDevice()) {
                        return Optional.of(new DeviceIdentity(source.storeId().orElseThrow(),
                                source.deviceId().orElseThrow()));
                    }
                }
            }
            return Optional.empty();
        } catch (CertificateParsingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The CloudEvents source this device must write. */
    String source() {
        return Source.device(storeId, deviceId).format();
    }
}
