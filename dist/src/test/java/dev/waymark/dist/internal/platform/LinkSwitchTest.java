package dev.waymark.dist.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switch relays bytes both ways, and a cut closes what it relays and refuses new connections until restored. */
class LinkSwitchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Vertx vertx;
    private NetServer echo;
    private NetClient client;
    private LinkSwitch underTest;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // Echoes what it receives; "bye" makes it close the connection instead.
        echo = vertx.createNetServer().connectHandler(socket -> socket.handler(data -> {
            if (data.toString().equals("bye")) {
                socket.close();
            } else {
                socket.write(data);
            }
        }));
        int echoPort = get(echo.listen(0, "127.0.0.1")).actualPort();
        underTest = get(LinkSwitch.start(vertx, "store-t", "127.0.0.1", echoPort));
        client = vertx.createNetClient();
    }

    @AfterEach
    void stop() throws Exception {
        underTest.close();
        get(vertx.close());
    }

    @Test
    void relay_passesEveryByteBothWaysInOrder() throws Exception {
        Connection connection = connect();
        Buffer sent = Buffer.buffer();
        for (int i = 0; i < 300_000; i++) {
            sent.appendInt(i);
        }

        connection.socket.write(sent);

        await().atMost(PATIENCE).until(() -> connection.bytes().length >= sent.length());
        assertThat(connection.bytes()).isEqualTo(sent.getBytes());
        assertThat(underTest.openSockets()).isEqualTo(2);
    }

    @Test
    void cut_closesRelayedConnectionsAndRefusesNewOnesUntilRestored() throws Exception {
        Connection before = connect();

        get(underTest.cut());

        await().atMost(PATIENCE).untilTrue(before.closed);
        assertThat(underTest.isCut()).isTrue();
        Connection during = connect();
        during.socket.write("hello");
        await().atMost(PATIENCE).untilTrue(during.closed);
        assertThat(during.received()).isEmpty();
        assertThat(underTest.openSockets()).isZero();

        underTest.restore();

        Connection after = connect();
        after.socket.write("hello again");
        await().atMost(PATIENCE).until(() -> after.received().equals("hello again"));
        assertThat(after.closed).isFalse();
    }

    @Test
    void relay_whenTheGatewaySideCloses_closesTheHubSide() throws Exception {
        Connection connection = connect();
        connection.socket.write("ping");
        await().atMost(PATIENCE).until(() -> connection.received().equals("ping"));

        connection.socket.write("bye");

        await().atMost(PATIENCE).untilTrue(connection.closed);
        await().atMost(PATIENCE).until(() -> underTest.openSockets() == 0);
    }

    /** A client connection through the switch, with what it received and whether it was closed. */
    private static final class Connection {
        final NetSocket socket;
        final AtomicBoolean closed = new AtomicBoolean();
        private final Buffer received = Buffer.buffer();

        Connection(NetSocket socket) {
            this.socket = socket;
            socket.handler(this::append);
            socket.closeHandler(ignored -> closed.set(true));
        }

        private synchronized void append(Buffer data) {
            received.appendBuffer(data);
        }

        synchronized byte[] bytes() {
            return received.getBytes();
        }

        synchronized String received() {
            return received.toString();
        }
    }

    // The handlers are set on the socket's event loop as the connect completes: set later, from the test's thread,
    // they could miss a close the switch made at once (a connection arriving while the link is cut).
    private Connection connect() throws Exception {
        return get(client.connect(underTest.port(), "127.0.0.1").map(Connection::new));
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
