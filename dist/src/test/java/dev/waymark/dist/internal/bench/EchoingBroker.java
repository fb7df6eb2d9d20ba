package dev.waymark.dist.internal.bench;

import com.hivemq.embedded.EmbeddedHiveMQ;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.event.ServiceRequest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A real embedded HiveMQ CE broker on a free plain-TCP port standing in for hub and cloud: a Paho client answers
 * every service request a kiosk publishes with an action on that kiosk's actions topic, except for the devices
 * told to stay silent.
 */
final class EchoingBroker implements AutoCloseable {

    private final EmbeddedHiveMQ broker;
    private final MqttAsyncClient responder;
    private final int port;
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor();
    private final EventCodec events = EventCodec.create();
    private final ContractCodec contracts = ContractCodec.create();

    private EchoingBroker(EmbeddedHiveMQ broker, int port) throws MqttException {
        this.broker = broker;
        this.port = port;
        this.responder = new MqttAsyncClient(address(), "echo-responder", new MemoryPersistence());
    }

    static EchoingBroker start(Path folder) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <mqtt><receive-maximum><server-receive-maximum>100</server-receive-maximum></receive-maximum></mqtt>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions"))).build();
        broker.start().get(60, TimeUnit.SECONDS);
        EchoingBroker echoing = new EchoingBroker(broker, port);
        echoing.connect();
        return echoing;
    }

    String address() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Service requests of {@code deviceId} go unanswered from now on. */
    void silence(String deviceId) {
        silent.add(deviceId);
    }

    private void connect() throws MqttException {
        responder.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // Paho's callback thread must not wait on its own client: answer from another thread.
                publisher.execute(() -> answer(message.getPayload()));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        responder.connect(new MqttConnectionOptions()).waitForCompletion(15_000);
        responder.subscribe("wm/v1/s/+/d/+/events", 1).waitForCompletion(15_000);
    }

    private void answer(byte[] payload) {
        if (!(events.decodeBatch(payload) instanceof Decoded.Accepted<List<CloudEvent>> batch)) {
            return;
        }
        for (CloudEvent event : batch.value()) {
            Source source = event.parsedSource();
            String device = source.deviceId().orElseThrow();
            if (event.data() instanceof ServiceRequest && !silent.contains(device)) {
                Instant now = Instant.now();
                Action action = new Action("echo", "echo-" + event.id(), ActionKind.HELP, "kiosk-offer", "echo", "",
                        0, "EUR", now, now.plusSeconds(60));
                MqttMessage message = new MqttMessage(contracts.encode(action));
                message.setQos(1);
                try {
                    responder.publish(Topics.actions(source.storeId().orElseThrow(), device), message);
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        publisher.shutdownNow();
        responder.disconnect().waitForCompletion(5_000);
        responder.close();
        broker.stop().get(30, TimeUnit.SECONDS);
    }
}
