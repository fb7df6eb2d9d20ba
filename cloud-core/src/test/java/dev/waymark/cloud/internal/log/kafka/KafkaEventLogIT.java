package dev.waymark.cloud.internal.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.EventLog.Entry;
import dev.waymark.cloud.internal.log.EventLogContract;
import dev.waymark.cloud.testing.KafkaBroker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka event log on a real in-JVM broker passes the {@link EventLogContract}; and, being shared by replicas,
 * splits a group's partitions between its members and lets a surviving member re-read what a lost one had not
 * committed.
 */
class KafkaEventLogIT extends EventLogContract {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private Vertx vertx;
    private String topic;

    @Override
    protected void openBacking() {
        vertx = Vertx.vertx();
        topic = "wm.events.test" + TOPICS.incrementAndGet();
    }

    @Override
    protected void closeBacking() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Override
    protected EventLog newLog() throws Exception {
        return KafkaEventLog.open(vertx, settings(4)).await(30, TimeUnit.SECONDS);
    }

    // The broker is the backing: a new log is a new set of clients on the same topic and consumer groups.
    @Override
    protected void reopenBacking() {
    }

    private KafkaLogSettings settings(int partitions) {
        return new KafkaLogSettings(KAFKA.bootstrapServers(), topic, partitions, 1, Map.of());
    }

    @Test
    void open_replicationFactorAboveTheBrokers_failsNamingTheTopic() {
        KafkaLogSettings tooMany = new KafkaLogSettings(KAFKA.bootstrapServers(), topic, 1, 3, Map.of());

        assertThatThrownBy(() -> KafkaEventLog.open(vertx, tooMany).await(30, TimeUnit.SECONDS))
                .hasMessageContaining("eventLog.kafka: topic " + topic);
    }

    @Test
    void open_noBrokerListening_failsNamingTheBrokers() throws Exception {
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "127.0.0.1:" + socket.getLocalPort();
        }
        KafkaLogSettings unreachable = new KafkaLogSettings(nowhere, topic, 1, 1,
                Map.of("default.api.timeout.ms", "2000", "request.timeout.ms", "1000"));

        assertThatThrownBy(() -> KafkaEventLog.open(vertx, unreachable).await(30, TimeUnit.SECONDS))
                .hasMessageContaining("eventLog.kafka: topic " + topic + " at " + nowhere);
    }

    @Test
    void consume_twoMembersOfOneGroup_splitThePartitionsAndEachKeyStaysWithOneMember() throws Exception {
        EventLog first = open();
        EventLog second = open();
        Map<String, Set<String>> membersByKey = new ConcurrentHashMap<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        first.consume("g1", 10, recordInto("first", membersByKey, handled));
        second.consume("g1", 10, recordInto("second", membersByKey, handled));
        List<String> appended = new ArrayList<>();
        // Appends until both members have handled something: the group has formed, in its own time.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            appendRound(first, appended);
            return members(membersByKey).size() == 2;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == appended.size());
        membersByKey.clear();

        for (int round = 0; round < 5; round++) {
            appendRound(second, appended);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == appended.size());
        assertThat(handled).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(members(membersByKey)).containsExactlyInAnyOrder("first", "second");
        assertThat(membersByKey.values()).allMatch(members -> members.size() == 1);
    }

    private static Set<String> members(Map<String, Set<String>> membersByKey) {
        return membersByKey.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    @Test
    void consume_memberLostMidBatch_theOtherMemberReReadsTheUncommittedBatch() throws Exception {
        EventLog lost = open();
        EventLog survivor = open();
        AtomicBoolean stall = new AtomicBoolean();
        List<String> stalled = new CopyOnWriteArrayList<>();
        List<String> committedByLost = new CopyOnWriteArrayList<>();
        List<String> bySurvivor = new CopyOnWriteArrayList<>();
        lost.consume("g1", 10, batch -> {
            if (stall.get()) {
                batch.forEach(e -> stalled.add(text(e)));
                return Promise.<Void>promise().future();
            }
            batch.forEach(e -> committedByLost.add(text(e)));
            return Future.succeededFuture();
        });
        Map<String, Set<String>> membersByKey = new ConcurrentHashMap<>();
        survivor.consume("g1", 10, recordInto("survivor", membersByKey, bySurvivor));
        List<String> appended = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            appendRound(lost, appended);
            return !committedByLost.isEmpty() && !bySurvivor.isEmpty();
        });

        stall.set(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            appendRound(survivor, appended);
            return !stalled.isEmpty();
        });
        lost.close();

        await().atMost(Duration.ofSeconds(90)).until(() -> bySurvivor.containsAll(stalled)
                && union(committedByLost, bySurvivor).containsAll(appended));
        assertThat(union(committedByLost, bySurvivor)).containsExactlyInAnyOrderElementsOf(Set.copyOf(appended));
        assertThat(committedByLost).doesNotContainAnyElementsOf(stalled);
    }

    @Test
    void append_afterClose_failsSoTheCallerDoesNotAcknowledge() throws Exception {
        EventLog underTest = open();
        underTest.close();

        assertThatThrownBy(() -> underTest.append(List.of(entry("k", "late"))).await(30, TimeUnit.SECONDS))
                .isInstanceOfAny(IllegalStateException.class, CompletionException.class)
                .hasMessageContaining("closed");
    }

    private static java.util.function.Function<List<Entry>, Future<Void>> recordInto(String member,
            Map<String, Set<String>> membersByKey, List<String> handled) {
        return batch -> {
            batch.forEach(e -> {
                membersByKey.computeIfAbsent(e.key(), k -> ConcurrentHashMap.newKeySet()).add(member);
                handled.add(text(e));
            });
            return Future.succeededFuture();
        };
    }

    // Eight keys spread over the four partitions, one new entry each.
    private static void appendRound(EventLog log, List<String> appended) throws Exception {
        List<Entry> round = new ArrayList<>();
        for (int key = 0; key < 8; key++) {
            Entry entry = entry("key" + key, Integer.toString(appended.size() + key));
            round.add(entry);
        }
        log.append(round).await(30, TimeUnit.SECONDS);
        round.forEach(e -> appended.add(text(e)));
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
