package dev.waymark.hub.internal;

import dev.waymark.hub.HubSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the embedded broker's {@code config.xml}. */
final class BrokerConfigFile {

    // Kiosks publish batches of at most Limits.MAX_BATCH_BYTES (500 KiB); anything far larger is refused by the
    // broker before it is buffered. Downlinks (bundles up to 8 MiB) are published by the bridge, not received.
    private static final int MAX_PACKET_BYTES = 1024 * 1024;

    private BrokerConfigFile() {
    }

    /**
     * Shared subscriptions are off: no kiosk needs one, and the permissions refuse them anyway. The TLS listener
     * requires a client certificate that chains to our CA (the extension then checks revocation,
     * usage and identity). The receive maximum defaults to 10 in HiveMQ CE, which would cap every kiosk's in-flight
     * window at 10; the per-client queue defaults to 1000 and silently discards beyond it, so both are sized from
     * the settings, and the queue's overflow is counted by the broker's metrics, which the status reports.
     */
    static void write(Path confDir, Path tlsDir, HubSettings settings, int tlsPort, int devPort, String password)
            throws IOException {
        String dev = settings.devMode() ? """
                    <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
                """.formatted(devPort, xml(settings.listenHost())) : "";
        String config = """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tls-tcp-listener>
                      <port>%d</port><bind-address>%s</bind-address>
                      <tls>
                        <keystore>
                          <path>%s</path><password>%s</password><private-key-password>%s</private-key-password>
                        </keystore>
                        <truststore><path>%s</path><password>%s</password></truststore>
                        <client-authentication-mode>REQUIRED</client-authentication-mode>
                      </tls>
                    </tls-tcp-listener>
                %s  </listeners>
                  <mqtt>
                    <packets><max-packet-size>%d</max-packet-size></packets>
                    <shared-subscriptions><enabled>false</enabled></shared-subscriptions>
                    <queued-messages><max-queue-size>%d</max-queue-size><strategy>discard</strategy></queued-messages>
                    <receive-maximum><server-receive-maximum>%d</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(tlsPort, xml(settings.listenHost()), xml(tlsDir.resolve("server.p12").toString()),
                xml(password), xml(password), xml(tlsDir.resolve("trust.p12").toString()), xml(password), dev,
                MAX_PACKET_BYTES, settings.maxQueueSize(), settings.receiveMaximum());
        Files.createDirectories(confDir);
        Path file = confDir.resolve("config.xml");
        // The file holds the keystore password: owner-only from its first byte.
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, config);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
