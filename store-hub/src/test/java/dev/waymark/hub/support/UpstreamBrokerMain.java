package dev.waymark.hub.support;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A plain embedded HiveMQ (no extension, file persistence) on {@code args[1]}, data in {@code args[0]}: the cloud
 * broker the hub bridges to. Its receive maximum stays at HiveMQ's default of 10, so the bridge must keep its
 * window below what the CONNACK grants. Runs in its own JVM so the hub's extension owns this test JVM's static
 * services.
 */
public final class UpstreamBrokerMain {

    private UpstreamBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                  </mqtt>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions"))).build();
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        System.out.println("READY " + port);
        System.out.flush();
        // Exit when the test closes our stdin (or dies), so no broker outlives the test run.
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
        System.exit(0);
    }
}
