package dev.waymark.benchmarks.hub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/** Paho never sets TCP_NODELAY (DESIGN.md section 12); these factories do, for plain TCP and for TLS. */
final class NoDelaySockets {

    private NoDelaySockets() {
    }

    static SocketFactory plain() {
        SocketFactory inner = SocketFactory.getDefault();
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return noDelay(inner.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(inner.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(inner.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(inner.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                return noDelay(inner.createSocket(host, port, local, localPort));
            }
        };
    }

    static SSLSocketFactory tls(SSLSocketFactory inner) {
        return new SSLSocketFactory() {
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
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(inner.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(inner.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                return noDelay(inner.createSocket(host, port, local, localPort));
            }
        };
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
