package dev.waymark.edge.support;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real embedded HiveMQ CE broker on ephemeral ports with file persistence (so sessions and retained messages
 * survive {@link #restart()}): a plain TCP listener and, when given
 * keystores, a TLS listener with client certificates required. {@link #restart()} keeps the ports.
 */
public final class TestBroker implements AutoCloseable {

    private final Path folder;
    private final int tcpPort;
    private final int tlsPort;
    private final Optional<EmbeddedExtension> extension;
    private Optional<EmbeddedHiveMQ> broker = Optional.empty();

    private TestBroker(Path folder, int tcpPort, int tlsPort, Optional<EmbeddedExtension> extension) {
        this.folder = folder;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
        this.extension = extension;
    }

    public static TestBroker plain(Path folder) throws Exception {
        return start(folder, null, null, Optional.empty());
    }

    /** A plain broker running {@code extension} (one embedded extension per JVM: DESIGN.md section 12). */
    public static TestBroker plain(Path folder, EmbeddedExtension extension) throws Exception {
        return start(folder, null, null, Optional.of(extension));
    }

    public static TestBroker tls(Path folder, Path serverKeystore, Path truststore) throws Exception {
        return start(folder, serverKeystore, truststore, Optional.empty());
    }

    private static TestBroker start(Path folder, Path serverKeystore, Path truststore,
                                    Optional<EmbeddedExtension> extension) throws Exception {
        int tcp = freePort();
        int tls = serverKeystore == null ? -1 : freePort();
        Path conf = Files.createDirectories(folder.resolve("conf"));
        String tlsListener = serverKeystore == null ? "" : """
                <tls-tcp-listener>
                  <port>%d</port><bind-address>127.0.0.1</bind-address>
                  <tls>
                    <keystore>
                      <path>%s</path><password>%s</password><private-key-password>%s</private-key-password>
                    </keystore>
                    <truststore><path>%s</path><password>%s</password></truststore>
                    <client-authentication-mode>REQUIRED</client-authentication-mode>
                  </tls>
                </tls-tcp-listener>
                """.formatted(tls, serverKeystore.toAbsolutePath(), TestPki.PASSWORD, TestPki.PASSWORD,
                truststore.toAbsolutePath(), TestPki.PASSWORD);
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                    %s
                  </listeners>
                  <mqtt>
                    <queued-messages><max-queue-size>100000</max-queue-size></queued-messages>
                    <receive-maximum><server-receive-maximum>20</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(tcp, tlsListener));
        TestBroker broker = new TestBroker(folder, tcp, tls, extension);
        broker.startBroker();
        return broker;
    }

    public String tcpAddress() {
        return "tcp://127.0.0.1:" + tcpPort;
    }

    public String tlsAddress() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    public void stop() throws Exception {
        if (broker.isPresent()) {
            broker.get().stop().get(30, TimeUnit.SECONDS);
            broker = Optional.empty();
        }
    }

    public void restart() throws Exception {
        stop();
        startBroker();
    }

    private void startBroker() throws Exception {
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder().withConfigurationFolder(folder.resolve("conf"))
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")));
        extension.ifPresent(builder::withEmbeddedExtension);
        EmbeddedHiveMQ next = builder.build();
        next.start().get(30, TimeUnit.SECONDS);
        broker = Optional.of(next);
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
