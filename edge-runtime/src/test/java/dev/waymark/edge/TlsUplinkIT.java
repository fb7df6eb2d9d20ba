package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.waymark.edge.support.Captures;
import dev.waymark.edge.support.HubStandIn;
import dev.waymark.edge.support.LogRecorder;
import dev.waymark.edge.support.TestBroker;
import dev.waymark.edge.support.TestKiosk;
import dev.waymark.edge.support.TestPki;
import dev.waymark.protocol.CloudEvent;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uplink over mutual TLS to a broker whose certificate the device CA issued for this store. */
class TlsUplinkIT {

    @TempDir
    static Path shared;
    static TestPki pki;
    static TestBroker broker;
    static HubStandIn hub;
    static Vertx vertx;
    static LogRecorder logs;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        logs = LogRecorder.install();
        pki = TestPki.create("Waymark device CA");
        Path certs = Files.createDirectories(shared.resolve("certs"));
        broker = TestBroker.tls(shared.resolve("broker"),
                pki.hubKeystore(certs.resolve("hub.p12"), "hub.store-1.local", "localhost"),
                pki.truststore(certs.resolve("trust.p12")));
        hub = HubStandIn.connect(broker.tcpAddress(), "hub-tls-stand-in");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        hub.close();
        broker.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(logs.blockedThreadWarnings()).isEmpty();
        logs.close();
    }

    @Test
    void enrolledKiosk_deliversOverMutualTls() throws Exception {
        EdgeSettings settings = TestKiosk.create(dir, pki).settings(broker.tlsAddress(), false);
        EdgeAgent underTest = EdgeAgent.start(vertx, settings, TestKiosk.identity(settings)).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        CaptureResult result = underTest.capture(Captures.cartAdd("SKU-TLS")).toCompletionStage()
                .toCompletableFuture().get();
        List<String> ids = ((CaptureResult.Stored) result).events().stream().map(CaptureResult.StoredEvent::id)
                .toList();
        await().atMost(Duration.ofSeconds(40)).until(() -> hub.events().stream().map(CloudEvent::id).toList()
                .containsAll(ids));
        assertThat(underTest.status().connected()).isTrue();
        underTest.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void plaintextHub_withoutDev_refusesToStartNamingHubAddress() throws Exception {
        EdgeSettings settings = TestKiosk.create(dir, pki).settings(broker.tcpAddress(), false);
        assertThatThrownBy(() -> EdgeAgent.start(vertx, settings, TestKiosk.identity(settings)).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().hasMessageStartingWith("hubAddress:");
    }
}
