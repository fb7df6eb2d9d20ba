package dev.waymark.benchmarks.hub;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A plain embedded HiveMQ CE (no extension, in-memory persistence, plain TCP) on {@code args[1]}, files in
 * {@code args[0]}. The benchmark runs it in a child JVM: it is both the limit's broker and the hub's upstream, and
 * one embedded broker with an extension per JVM is the rule (DESIGN.md section 12). Exits when stdin closes.
 */
public final class UpstreamBroker {

    private UpstreamBroker() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%s</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <mqtt>
                    <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                    <receive-maximum><server-receive-maximum>1000</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(args[1]));
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions"))).build();
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
        }
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
        System.exit(0);
    }
}
