package dev.waymark.edge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The kiosk UI's side of the HTTP and WebSocket API, with the JDK's HTTP client. */
public final class KioskClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public KioskClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> post(String body) throws Exception {
        return post(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> status() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A screen on the WebSocket that records every text message it receives. */
    public Screen screen() throws Exception {
        Screen screen = new Screen();
        screen.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1/ws"),
                screen).get();
        return screen;
    }

    /** A WebSocket screen. */
    public static final class Screen implements WebSocket.Listener {
        private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        public void send(String text) {
            socket.sendText(text, true).join();
        }

        public List<String> messages() {
            return List.copyOf(messages);
        }

        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
