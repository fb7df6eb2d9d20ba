package dev.waymark.dist.internal.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface, for roles that must know their port before they start. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago (another process may take it; the role then fails to start, loudly). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
