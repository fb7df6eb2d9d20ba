package dev.waymark.provisioning.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.AuditEntry;
import dev.waymark.provisioning.Device;
import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.DeviceRegistry;
import dev.waymark.provisioning.DeviceStatus;
import dev.waymark.provisioning.ProvisioningSettings;
import dev.waymark.provisioning.Revocation;
import dev.waymark.provisioning.TokenRecord;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The provisioning decisions, blocking (registry I/O): run on a worker. Every refusal of an enrollment or renewal
 * is audited with its reason before it is thrown as a {@link Refusal}.
 */
public final class EnrollmentService {

    /** How far ahead a CRL says the next one will be: hubs poll every 30 s, so a minute covers one missed poll. */
    public static final Duration CRL_NEXT_UPDATE = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private final DeviceCa ca;
    private final DeviceRegistry registry;
    private final ProvisioningSettings settings;
    private final Clock clock;

    public EnrollmentService(DeviceCa ca, DeviceRegistry registry, ProvisioningSettings settings, Clock clock) {
        this.ca = ca;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token as shown to the tech once; only its hash is stored. */
    public record IssuedToken(String token, String storeId, DeviceRole role, Instant expiresAt,
                              Optional<String> deviceId) {
    }

    /** What a successful enrollment or renewal hands the device. */
    public record Enrolled(Device device, List<X509Certificate> chain, List<X509Certificate> serverChain,
                           DeviceConfig config) {
    }

    /** Creates a token for a store and role, valid for the settings' TTL. */
    public IssuedToken createToken(String actor, String storeId, DeviceRole role) {
        Topics.requireSegment("store", storeId);
        return storeToken(actor, storeId, role, Optional.empty(), "token.create");
    }

    /** Revokes the device's certificate and issues a token with which new hardware takes over its id. */
    public IssuedToken replace(String actor, String deviceId) {
        Device device = knownDevice(deviceId);
        if (device.status() != DeviceStatus.ACTIVE) {
            throw new Refusal(409, "deviceId", "is " + device.status().wireName() + ", only active devices");
        }
        registry.revoke(deviceId, DeviceStatus.REPLACED, clock.instant());
        return storeToken(actor, device.storeId(), device.role(), Optional.of(deviceId), "replace");
    }

    /** Revokes the device: its certificate goes on the revocation list and into the change feed. */
    public Revocation revoke(String actor, String deviceId) {
        Device device = knownDevice(deviceId);
        if (device.status() != DeviceStatus.ACTIVE) {
            throw new Refusal(409, "deviceId", "is " + device.status().wireName() + ", only active devices");
        }
        Revocation revocation = registry.revoke(deviceId, DeviceStatus.REVOKED, clock.instant());
        audit(actor, "revoke", deviceId, "ok");
        return revocation;
    }

    /** The device, or a 404 refusal. */
    public Device knownDevice(String deviceId) {
        return registry.find(deviceId).orElseThrow(() -> new Refusal(404, "deviceId", "unknown device"));
    }

    /**
     * Enrolls a device: token checks (known, unused, unexpired, for this role and store), CSR policy, then an id,
     * a certificate chain, for hubs a server certificate, and the device's configuration.
     */
    public Enrolled enroll(String actor, EnrollRequest request) {
        try {
            return doEnroll(actor, request);
        } catch (Refusal refusal) {
            audit(actor, "enroll", request.storeHint(), "refused: " + refusal.getMessage());
            throw refusal;
        }
    }

    private Enrolled doEnroll(String actor, EnrollRequest request) {
        TokenCodec.Parsed parsed = accepted(TokenCodec.parse(request.token()));
        Instant now = clock.instant();
        TokenRecord token = registry.findToken(parsed.hash())
                .orElseThrow(() -> new Refusal(401, "token", "unknown"));
        if (token.usedAt().isPresent()) {
            throw new Refusal(401, "token", "already used");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw new Refusal(401, "token", "expired at " + token.expiresAt());
        }
        if (token.role() != request.role() || token.role() != parsed.role()) {
            throw Refusal.forbidden("role", "the token is for a " + wire(token.role()) + ", not a "
                    + wire(request.role()));
        }
        if (!token.storeId().equals(parsed.storeId())) {
            throw Refusal.forbidden("token", "was issued for another store");
        }
        PublicKey clientKey = accepted(CsrPolicy.check("csr", request.csr(), token.storeId(), token.role()));
        Optional<PublicKey> serverKey = Optional.empty();
        if (token.role() == DeviceRole.HUB) {
            String serverCsr = request.serverCsr()
                    .orElseThrow(() -> Refusal.invalid("serverCsr", "a hub must send a CSR for its server key"));
            serverKey = Optional.of(
                    accepted(CsrPolicy.check("serverCsr", serverCsr, token.storeId(), token.role())));
        }
        String deviceId = token.deviceId().orElseGet(() -> newDeviceId(token.role()));
        if (!registry.redeemToken(token.hash(), now, Device.pending(deviceId, token.storeId(), token.role()))) {
            throw new Refusal(401, "token", "already used or expired");
        }
        Enrolled enrolled = issue(deviceId, token.storeId(), token.role(), clientKey, serverKey,
                request.softwareVersion());
        audit(actor, "enroll", deviceId, "ok: store " + token.storeId() + ", " + wire(token.role())
                + (token.deviceId().isPresent() ? ", replacement" : ""));
        return enrolled;
    }

    /** Renews the certificate of an active device that authenticated with its current certificate. */
    public Enrolled renew(X509Certificate presented, String csrPem, String softwareVersion) {
        String deviceId = DeviceNames.deviceId(presented)
                .orElseThrow(() -> Refusal.forbidden("certificate", "names no device"));
        try {
            Device device = knownDevice(deviceId);
            if (device.status() != DeviceStatus.ACTIVE) {
                throw Refusal.forbidden("certificate", "device is " + device.status().wireName());
            }
            if (!device.certSerial().orElse("").equals(DeviceCa.serialOf(presented))) {
                throw Refusal.forbidden("certificate", "is not the device's current certificate");
            }
            PublicKey key = accepted(CsrPolicy.check("csr", csrPem, device.storeId(), device.role()));
            // A hub keeps its server certificate until it re-enrolls; renewal covers the client identity.
            Enrolled renewed = issue(deviceId, device.storeId(), device.role(), key,
                    Optional.empty(), softwareVersion);
            audit(deviceId, "renew", deviceId, "ok");
            return renewed;
        } catch (Refusal refusal) {
            audit(deviceId, "renew", deviceId, "refused: " + refusal.getMessage());
            throw refusal;
        }
    }

    /** The current signed revocation list. */
    public X509CRL revocationList() {
        List<Revocation> all = new ArrayList<>();
        long since = 0;
        List<Revocation> page;
        do {
            page = registry.revocationsSince(since, 1000);
            all.addAll(page);
            since = page.isEmpty() ? since : page.get(page.size() - 1).sequence();
        } while (page.size() == 1000);
        return ca.revocationList(all, CRL_NEXT_UPDATE);
    }

    /** Appends to the audit log. */
    public void audit(String actor, String action, String subject, String outcome) {
        registry.audit(AuditEntry.of(clock.instant(), actor, action, subject, outcome));
    }

    private Enrolled issue(String deviceId, String storeId, DeviceRole role, PublicKey clientKey,
                           Optional<PublicKey> serverKey, String softwareVersion) {
        X509Certificate client = ca.issueClient(clientKey, storeId, deviceId, role, settings.deviceValidity());
        List<X509Certificate> serverChain = serverKey
                .map(key -> List.of(ca.issueHubServer(key, storeId, deviceId, settings.hubHost(storeId),
                        settings.deviceValidity()), ca.certificate()))
                .orElse(List.of());
        registry.activate(deviceId, DeviceCa.serialOf(client), client.getNotAfter().toInstant(), clock.instant(),
                softwareVersion);
        DeviceConfig config = new DeviceConfig(storeId, deviceId, role,
                "ssl://" + settings.hubHost(storeId) + ":" + settings.hubPort(), Topics.ROOT, ca.fingerprint(),
                List.of(Pem.certificate(ca.certificate())), settings.bundleVerificationKey(),
                settings.pseudonymizationKey().keyId());
        return new Enrolled(knownDevice(deviceId), List.of(client, ca.certificate()), serverChain, config);
    }

    private IssuedToken storeToken(String actor, String storeId, DeviceRole role, Optional<String> deviceId,
                                   String action) {
        String text = TokenCodec.newToken(storeId, role);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.tokenTtl());
        String hash = TokenCodec.parse(text).orElseThrow().hash();
        registry.saveToken(new TokenRecord(hash, storeId, role, deviceId, actor, now, expires, Optional.empty()));
        audit(actor, action, deviceId.orElse(storeId), "ok: " + wire(role) + " token until " + expires);
        return new IssuedToken(text, storeId, role, expires, deviceId);
    }

    private static <T> T accepted(Decoded<T> decoded) {
        decoded.rejectionIfAny().ifPresent(r -> {
            throw Refusal.invalid(r.field(), r.reason());
        });
        return decoded.orElseThrow();
    }

    private static String newDeviceId(DeviceRole role) {
        StringBuilder id = new StringBuilder(role == DeviceRole.HUB ? "hub-" : "kiosk-");
        for (int i = 0; i < 10; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static String wire(DeviceRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
