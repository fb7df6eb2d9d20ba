package dev.waymark.dist.internal.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's internet link as a switch: a TCP relay in the platform's JVM between a hub and the cloud's gateway,
 * piping bytes both ways (the hub's mutual TLS passes through untouched). {@link #cut()} closes every relayed
 * connection and refuses new ones until {@link #restore()}, so the hub sees its link fail as it would when the
 * store's line goes down. Listens on {@code 127.0.0.1}, on a port that stays the same while the switch lives.
 */
public final class LinkSwitch implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LinkSwitch.class.getName());

    private final String name;
    private final String targetHost;
    private final int targetPort;
    private final NetClient client;
    private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
    private NetServer server;
    private volatile boolean cut;

    private LinkSwitch(Vertx vertx, String name, String targetHost, int targetPort) {
        this.name = name;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5_000));
    }

    /** Starts a switch (closed: relaying) for {@code name} in front of {@code targetHost:targetPort}. */
    public static Future<LinkSwitch> start(Vertx vertx, String name, String targetHost, int targetPort) {
        LinkSwitch link = new LinkSwitch(vertx, name, targetHost, targetPort);
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0)
                .setTcpNoDelay(true));
        server.connectHandler(link::accepted);
        link.server = server;
        return server.listen().map(bound -> link);
    }

    /** The port the hub connects to. */
    public int port() {
        return server.actualPort();
    }

    /** True while the link is cut. */
    public boolean isCut() {
        return cut;
    }

    /** Sockets open now: two for each relayed connection (the hub's side and the gateway's). */
    public int openSockets() {
        return sockets.size();
    }

    /**
     * Cuts the link: every relayed connection is closed and new ones are closed as soon as they arrive, until
     * {@link #restore()}. Completes once every connection open at the cut is closed.
     */
    public Future<Void> cut() {
        cut = true;
        LOG.log(Level.INFO, "link of " + name + " cut");
        List<Future<Void>> closing = new ArrayList<>();
        for (NetSocket socket : List.copyOf(sockets)) {
            closing.add(socket.close());
        }
        return Future.join(closing).mapEmpty();
    }

    /** Restores the link: new connections are relayed again (the hub reconnects on its own). */
    public void restore() {
        cut = false;
        LOG.log(Level.INFO, "link of " + name + " restored");
    }

    private void accepted(NetSocket downstream) {
        if (cut) {
            downstream.close();
            return;
        }
        downstream.pause();
        sockets.add(downstream);
        downstream.closeHandler(closed -> sockets.remove(downstream));
        client.connect(targetPort, targetHost).onComplete(connected -> {
            // Cut (or dropped by the hub) while the gateway was being reached: nothing to relay.
            if (connected.failed() || cut || !sockets.contains(downstream)) {
                downstream.close();
                if (connected.succeeded()) {
                    connected.result().close();
                }
                return;
            }
            NetSocket upstream = connected.result();
            sockets.add(upstream);
            closeTogether(downstream, upstream);
            closeTogether(upstream, downstream);
            downstream.pipeTo(upstream);
            upstream.pipeTo(downstream);
        });
    }

    /** When {@code one} closes, it is forgotten and {@code other} is closed too. */
    private void closeTogether(NetSocket one, NetSocket other) {
        one.closeHandler(closed -> {
            sockets.remove(one);
            other.close();
        });
    }

    @Override
    public void close() {
        cut = true;
        List.copyOf(sockets).forEach(NetSocket::close);
        server.close();
        client.close();
    }
}
