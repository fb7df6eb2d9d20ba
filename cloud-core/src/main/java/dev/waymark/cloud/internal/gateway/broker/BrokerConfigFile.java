package dev.waymark.cloud.internal.gateway.broker;

import dev.waymark.cloud.internal.gateway.GatewaySettings;
import dev.waymark.protocol.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the gateway broker's {@code config.xml}. */
final class BrokerConfigFile {

    // The cloud publishes decision bundles of up to Limits.MAX_BUNDLE_BYTES through this broker; a hub's batch is at
    // most Limits.MAX_BATCH_BYTES, and anything between the two reaches the ingest, which refuses and counts it.
    private static final int MAX_PACKET_BYTES = Limits.MAX_BUNDLE_BYTES + 64 * 1024;

    private BrokerConfigFile() {
    }

    /**
     * Two listeners: TLS for hubs (client certificate chaining to the device CA required; the extension then
     * checks role, identity and revocation) and plain TCP on 127.0.0.1 for cloud-core's own clients. HiveMQ CE's
     * receive maximum defaults to 10, which would cap every hub bridge's in-flight window; its per-client queue
     * defaults to 1000 and silently discards beyond it, which would lose hub traffic queued for cloud-core's
     * shared subscription while cloud-core is down (DESIGN.md section 12): both come from the settings.
     */
    static void write(Path confDir, Path tlsDir, GatewaySettings settings, int tlsPort, int loopbackPort,
                      String keystorePassword) throws IOException {
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
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <mqtt>
                    <packets><max-packet-size>%d</max-packet-size></packets>
                    <shared-subscriptions><enabled>true</enabled></shared-subscriptions>
                    <queued-messages><max-queue-size>%d</max-queue-size><strategy>discard</strategy></queued-messages>
                    <receive-maximum><server-receive-maximum>%d</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <persistence><mode>file</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(tlsPort, xml(settings.host()), xml(tlsDir.resolve("server.p12").toString()),
                xml(keystorePassword), xml(keystorePassword), xml(tlsDir.resolve("trust.p12").toString()),
                xml(keystorePassword), loopbackPort, MAX_PACKET_BYTES, settings.maxQueueSize(),
                settings.receiveMaximum());
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
