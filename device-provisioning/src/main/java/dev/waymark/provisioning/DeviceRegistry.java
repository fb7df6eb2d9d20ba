package dev.waymark.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where provisioning keeps devices, enrollment tokens (as hashes), the audit log and the revocation feed.
 * Implementations block (JDBC): call them from a worker, never from an event loop. {@link JdbcDeviceRegistry}
 * keeps it in a SQLite file or in the cloud store's PostgreSQL database. Methods throw {@link IllegalStateException}
 * when the store itself fails.
 */
public interface DeviceRegistry extends AutoCloseable {

    /** Stores a new token; IllegalArgumentException if its hash is already known. */
    void saveToken(TokenRecord token);

    /** The token with this hash, used or not. */
    Optional<TokenRecord> findToken(String hash);

    /**
     * Marks the token used and records {@code device} as pending, in one transaction. Returns false, changing
     * nothing, when the token is unknown, already used, or expired at {@code now} (so two racing redemptions of
     * one token cannot both win).
     */
    boolean redeemToken(String hash, Instant now, Device device);

    /** Makes the device active with its new certificate; IllegalArgumentException if the device is unknown. */
    void activate(String deviceId, String certSerial, Instant certExpiry, Instant now, String softwareVersion);

    /** Records that the device was seen (renewal, heartbeat) with this software version. */
    void touch(String deviceId, Instant now, String softwareVersion);

    /** The device with this id. */
    Optional<Device> find(String deviceId);

    /** The devices of a store, by id. */
    List<Device> devices(String storeId);

    /**
     * Sets the device's status to {@code status} (revoked or replaced) and appends its current certificate to the
     * revocation feed. Returns the feed entry; IllegalArgumentException if the device is unknown or has no
     * certificate.
     */
    Revocation revoke(String deviceId, DeviceStatus status, Instant at);

    /** Feed entries with a sequence greater than {@code sequence}, oldest first, at most {@code limit}. */
    List<Revocation> revocationsSince(long sequence, int limit);

    /** Appends to the audit log and returns the entry with its sequence. */
    AuditEntry audit(AuditEntry entry);

    /** Audit entries with a sequence greater than {@code sequence}, oldest first, at most {@code limit}. */
    List<AuditEntry> auditSince(long sequence, int limit);

    /** Releases the underlying store. */
    @Override
    void close();
}
