package dev.waymark.cloud.internal.gateway.mqtt;

import dev.waymark.provisioning.NoDelaySockets;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where cloud-core's MQTT clients connect: the embedded broker's loopback listener or an external MQTT 5 broker.
 *
 * @param url      {@code tcp://host:port} or {@code ssl://host:port}
 * @param username the user name; empty for none
 * @param password the password; empty for none
 */
public record BrokerEndpoint(String url, String username, String password) {

    /** Validates; throws IllegalArgumentException naming the field. */
    public BrokerEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            throw new IllegalArgumentException("url: must start with tcp:// or ssl://");
        }
    }

    /**
     * Sockets with TCP_NODELAY: Paho never sets it, which held a QoS 1 stream to about 1,100 messages/s on this
     * machine instead of 8-12k (DESIGN.md section 12). Over {@code ssl://} the JVM's default trust applies.
     */
    SocketFactory sockets() {
        return url.startsWith("ssl://") ? NoDelaySockets.tls((SSLSocketFactory) SSLSocketFactory.getDefault())
                : NoDelaySockets.plain();
    }

    /** The password as Paho takes it. */
    byte[] passwordBytes() {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // never print the password
        return "BrokerEndpoint[url=" + url + ", username=" + username + "]";
    }
}
