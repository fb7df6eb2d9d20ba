package dev.waymark.cloud.internal.boot;

import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.DeviceRegistry;
import dev.waymark.provisioning.Revocation;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The serials of revoked and replaced device certificates, followed from the registry's revocation feed, so the
 * gateway's authenticator answers "revoked?" from memory on the broker's thread, and the runtime can disconnect a
 * hub that is connected when its certificate is revoked.
 */
final class RevokedSerials implements Predicate<X509Certificate> {

    private static final int PAGE = 1000;

    private final DeviceRegistry registry;
    private final Set<String> serials = ConcurrentHashMap.newKeySet();
    private volatile long position;

    RevokedSerials(DeviceRegistry registry) {
        this.registry = registry;
    }

    /** Reads the feed's new entries; returns the devices revoked since the last call. Blocking: run on a worker. */
    synchronized List<String> catchUp() {
        List<String> devices = new ArrayList<>();
        List<Revocation> page;
        do {
            page = registry.revocationsSince(position, PAGE);
            for (Revocation revocation : page) {
                serials.add(revocation.serial());
                devices.add(revocation.deviceId());
                position = Math.max(position, revocation.sequence());
            }
        } while (page.size() == PAGE);
        return devices;
    }

    @Override
    public boolean test(X509Certificate certificate) {
        return serials.contains(DeviceCa.serialOf(certificate));
    }
}
