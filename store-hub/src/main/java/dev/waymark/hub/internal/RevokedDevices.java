package dev.waymark.hub.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificate serials revoked since the hub started: refused at once, before the next CRL reaches
 * {@code DeviceTrust}. By serial, not device id: a replaced kiosk keeps its id with a new certificate. Thread-safe.
 */
public final class RevokedDevices {

    private final Set<String> serials = ConcurrentHashMap.newKeySet();

    /** Records a revoked certificate serial (lower-case hex). */
    public void add(String serial) {
        serials.add(serial);
    }

    /** True when the certificate serial was revoked. */
    public boolean contains(String serial) {
        return serials.contains(serial);
    }
}
