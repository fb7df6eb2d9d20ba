package dev.waymark.hub.internal;

import dev.waymark.provisioning.DeviceTrust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Socket factories for the upstream link that set TCP_NODELAY: Paho never does, which capped a QoS 1 stream at
 * about 1,100 messages/s here (DESIGN.md section 12). On {@code ssl://} Paho accepts only an
 * {@link SSLSocketFactory}, hence the subclass; it shows the hub's client certificate and pins the upstream's CA.
 */
final class UpstreamSockets {

    private UpstreamSockets() {
    }

    /** Plain TCP for {@code tcp://}. */
    static SocketFactory plain() {
        return new NoDelay(SocketFactory.getDefault());
    }

    /** TLS with the hub's client identity, trusting only a server chaining to the CA with {@code fingerprint}. */
    static SocketFactory tls(HubKeys keys, String fingerprint, Clock clock) throws IOException {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys.clientKeyStore(), keys.password());
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers.getKeyManagers(),
                    new TrustManager[] {DeviceTrust.forServers(fingerprint, clock)}, null);
            return new NoDelayTls(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS to the upstream: " + e.getMessage(), e);
        }
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static final class NoDelay extends SocketFactory {
        private final SocketFactory inner;

        NoDelay(SocketFactory inner) {
            this.inner = inner;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(inner.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(inner.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(inner.createSocket(address, port, localAddress, localPort));
        }
    }

    private static final class NoDelayTls extends SSLSocketFactory {
        private final SSLSocketFactory inner;

        NoDelayTls(SSLSocketFactory inner) {
            this.inner = inner;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return inner.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return noDelay(inner.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(inner.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(inner.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(inner.createSocket(address, port, localAddress, localPort));
        }
    }
}
