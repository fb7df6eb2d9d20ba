package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import dev.waymark.edge.support.Captures;
import dev.waymark.edge.support.HubStandIn;
import dev.waymark.edge.support.TestBroker;
import dev.waymark.edge.support.TestKiosk;
import dev.waymark.edge.support.TestPki;
import dev.waymark.protocol.CloudEvent;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub that refuses events (PUBACK 0x87): the rows stay in the outbox, are counted, and go out once accepted. */
class HubRefusalIT {

    private static final AtomicBoolean REFUSE = new AtomicBoolean(true);

    @TempDir
    Path dir;

    @Test
    void refusedPuback_keepsTheRowsAndCountsIt_thenDeliversOnceTheHubAccepts() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (TestBroker broker = TestBroker.plain(dir.resolve("broker"), refusingExtension());
             HubStandIn hub = HubStandIn.connect(broker.tcpAddress(), "hub-refusal-stand-in")) {
            EdgeSettings settings = TestKiosk.create(dir, TestPki.create("Test CA")).settings(broker.tcpAddress(),
                    true);
            EdgeAgent underTest = EdgeAgent.start(vertx, settings, TestKiosk.identity(settings)).toCompletionStage()
                    .toCompletableFuture().get(20, TimeUnit.SECONDS);
            CaptureResult.Stored stored = (CaptureResult.Stored) underTest.capture(Captures.cartAdd("SKU-R"))
                    .toCompletionStage().toCompletableFuture().get();
            List<String> ids = stored.events().stream().map(CaptureResult.StoredEvent::id).toList();

            await().atMost(Duration.ofSeconds(30)).until(() -> underTest.status().refused() >= 1);
            assertThat(underTest.status().outboxEvents()).isEqualTo(ids.size());
            assertThat(hub.events()).isEmpty();

            REFUSE.set(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.events().stream().map(CloudEvent::id).toList()
                    .containsAll(ids));
            await().atMost(Duration.ofSeconds(30)).until(() -> underTest.status().outboxEvents() == 0);
            underTest.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static EmbeddedExtension refusingExtension() {
        return EmbeddedExtension.builder().withId("refuser").withName("refuses events on request")
                .withVersion("1").withAuthor("waymark tests").withPriority(0).withStartPriority(0)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.initializerRegistry().setClientInitializer((initializer, client) ->
                                client.addPublishInboundInterceptor((publish, result) -> {
                                    if (REFUSE.get() && publish.getPublishPacket().getTopic().endsWith("/events")) {
                                        result.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, "refused");
                                    }
                                }));
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
                    }
                }).build();
    }
}
