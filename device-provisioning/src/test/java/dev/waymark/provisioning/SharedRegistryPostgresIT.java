package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.device.DeviceRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two registries on one PostgreSQL database, as two cloud replicas hold them: one registry, whichever replica a
 * device or an operator reaches. Skipped (loudly) without WM_PG_URL.
 */
class SharedRegistryPostgresIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();
    private DeviceRegistry replicaOne;
    private DeviceRegistry replicaTwo;

    @BeforeEach
    void open() {
        replicaOne = JdbcDeviceRegistry.open(postgres.url());
        replicaTwo = JdbcDeviceRegistry.open(postgres.url());
    }

    @AfterEach
    void close() {
        replicaOne.close();
        replicaTwo.close();
    }

    @Test
    void tokenCreatedOnOneReplica_isRedeemedOnTheOther_once() {
        replicaOne.saveToken(token("1".repeat(64), "store-1"));

        assertThat(replicaTwo.redeemToken("1".repeat(64), T0, Device.pending("k1", "store-1", DeviceRole.KIOSK)))
                .isTrue();
        assertThat(replicaOne.redeemToken("1".repeat(64), T0, Device.pending("k2", "store-1", DeviceRole.KIOSK)))
                .isFalse();
        assertThat(replicaOne.find("k1")).map(Device::status).contains(DeviceStatus.PENDING);
        assertThat(replicaOne.find("k2")).isEmpty();
    }

    @Test
    void revocationOnOneReplica_isInTheOthersFeed() {
        enroll(replicaOne, "hub-1", "store-1", "0a1b");

        Revocation revoked = replicaOne.revoke("hub-1", DeviceStatus.REVOKED, T0);

        assertThat(replicaTwo.revocationsSince(0, 100)).containsExactly(revoked);
        assertThat(replicaTwo.find("hub-1")).map(Device::status).contains(DeviceStatus.REVOKED);
    }

    @Test
    void oneTokenRedeemedConcurrentlyThroughBothReplicas_hasOneWinner() throws Exception {
        int tokens = 20;
        for (int i = 0; i < tokens; i++) {
            replicaOne.saveToken(token(hash(i), "store-1"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < tokens; i++) {
                String hash = hash(i);
                // Two connections per replica side, so the race is between sessions, not within one connection.
                DeviceRegistry extraOne = JdbcDeviceRegistry.open(postgres.url());
                DeviceRegistry extraTwo = JdbcDeviceRegistry.open(postgres.url());
                attempts.add(threads.submit(redeem(extraOne, hash, "a" + i)));
                attempts.add(threads.submit(redeem(extraTwo, hash, "b" + i)));
            }
            int wins = 0;
            for (Future<Boolean> attempt : attempts) {
                wins += attempt.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(tokens);
            assertThat(replicaTwo.devices("store-1")).hasSize(tokens);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void followerOfTheFeed_missesNoRevocation_whileSessionsRevokeConcurrently() throws Exception {
        int devices = 40;
        for (int i = 0; i < devices; i++) {
            enroll(replicaOne, "hub-" + i, "store-1", String.format("%04x", i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(5);
        List<DeviceRegistry> sessions = new ArrayList<>();
        Set<String> followed = ConcurrentHashMap.newKeySet();
        AtomicLong position = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            for (int i = 0; i < 4; i++) {
                sessions.add(JdbcDeviceRegistry.open(postgres.url()));
            }
            // Follows the feed by position while the writers run, as RevokedSerials does on every replica.
            Future<?> follower = threads.submit(() -> {
                while (writing.get()) {
                    catchUp(replicaTwo, position, followed);
                }
                return null;
            });
            List<Future<Revocation>> revocations = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                DeviceRegistry session = sessions.get(i % sessions.size());
                String device = "hub-" + i;
                revocations.add(threads.submit(() -> session.revoke(device, DeviceStatus.REVOKED, T0)));
            }
            for (Future<Revocation> revocation : revocations) {
                revocation.get();
            }
            writing.set(false);
            follower.get();
        } finally {
            threads.shutdownNow();
            sessions.forEach(DeviceRegistry::close);
        }
        catchUp(replicaTwo, position, followed);

        assertThat(followed).hasSize(devices);
        assertThat(replicaTwo.revocationsSince(0, 1000)).extracting(Revocation::deviceId)
                .doesNotHaveDuplicates().hasSize(devices);
    }

    private static void catchUp(DeviceRegistry registry, AtomicLong position, Set<String> followed) {
        for (Revocation revocation : registry.revocationsSince(position.get(), 1000)) {
            followed.add(revocation.deviceId());
            position.set(Math.max(position.get(), revocation.sequence()));
        }
    }

    private static Callable<Boolean> redeem(DeviceRegistry registry, String hash, String deviceId) {
        return () -> {
            try (registry) {
                return registry.redeemToken(hash, T0, Device.pending(deviceId, "store-1", DeviceRole.KIOSK));
            }
        };
    }

    private static void enroll(DeviceRegistry registry, String id, String store, String serial) {
        String hash = String.format("%064x", id.hashCode() & 0xffffffffL);
        registry.saveToken(token(hash, store));
        registry.redeemToken(hash, T0, Device.pending(id, store, DeviceRole.HUB));
        registry.activate(id, serial, T0.plus(Duration.ofDays(90)), T0, "1.0");
    }

    private static String hash(int i) {
        return String.format("%064x", i + 1);
    }

    private static TokenRecord token(String hash, String store) {
        return new TokenRecord(hash, store, DeviceRole.KIOSK, Optional.empty(), "admin", T0.minusSeconds(1),
                T0.plus(Duration.ofHours(1)), Optional.empty());
    }
}
