package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.LinkBlock;
import dev.waymark.privacy.PseudonymizationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code blocked_identifiers} table: an erased person's identifiers, kept as keyed hashes so that an event
 * carrying one is dropped instead of making a profile again. The hash key is derived from the cloud's
 * pseudonymization key, so the table holds no token and cannot be tested against one without that key.
 */
final class RelinkBlock implements LinkBlock {

    private static final String ALGORITHM = "HmacSHA256";
    private static final long EMPTY_RECHECK_NANOS = 1_000_000_000L;
    private static final byte[] PURPOSE = "waymark/relink-block/v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;
    /** Once true, every check looks the identifiers up; set by the first block, here or seen in the table. */
    private volatile boolean any;
    /**
     * When the table was last found empty ({@code System.nanoTime}, 0 for never). Until the first erasure the
     * pipeline's check then costs one look-up a second rather than one per identifier of every event (its busiest
     * path, docs/benchmarks.md); another replica's first erasure is seen within that second.
     */
    private volatile long foundEmptyAt;

    RelinkBlock(PseudonymizationKey pseudonymization) {
        this.key = hmac(pseudonymization.secret(), PURPOSE);
    }

    @Override
    public boolean blocks(Connection c, List<Identifier> identifiers) throws SQLException {
        if (!any && !seenBlocked(c)) {
            return false;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM blocked_identifiers WHERE identifier_hash = ?")) {
            for (Identifier identifier : identifiers) {
                select.setString(1, hash(identifier));
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean seenBlocked(Connection c) throws SQLException {
        long now = System.nanoTime();
        if (foundEmptyAt != 0 && now - foundEmptyAt < EMPTY_RECHECK_NANOS) {
            return false;
        }
        try (PreparedStatement first = c.prepareStatement("SELECT 1 FROM blocked_identifiers LIMIT 1");
             ResultSet rows = first.executeQuery()) {
            any = rows.next();
        }
        foundEmptyAt = any ? 0 : Math.max(1, now);
        return any;
    }

    /** Blocks {@code identifiers} for erasure {@code erasureId}; how many were not blocked already. */
    int block(Connection c, List<Identifier> identifiers, String erasureId, Instant at) throws SQLException {
        int added = 0;
        // Set before the commit: should the erasure roll back, the cost is a few needless look-ups, never a miss.
        any = true;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO blocked_identifiers (identifier_hash, "
                + "erasure_id, blocked_at) VALUES (?, ?, ?) ON CONFLICT (identifier_hash) DO NOTHING")) {
            for (Identifier identifier : identifiers) {
                insert.setString(1, hash(identifier));
                insert.setString(2, erasureId);
                insert.setLong(3, at.toEpochMilli());
                added += insert.executeUpdate();
            }
        }
        return added;
    }

    private String hash(Identifier identifier) {
        byte[] text = (identifier.namespace() + ":" + identifier.value()).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(key, text));
    }

    private static byte[] hmac(byte[] secret, byte[] text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
