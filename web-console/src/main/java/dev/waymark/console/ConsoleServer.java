package dev.waymark.console;

import dev.waymark.console.internal.ConsoleRoutes;
import dev.waymark.console.internal.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.util.Objects;

/**
 * The web console ({@code waymark console}): its pages and WebJars, and a reverse proxy of {@code /v1/*} to the
 * cloud's API and of {@code /provisioning/v1/*} to its enrollment service, so the browser talks to one origin and
 * the cloud's session cookie, CSRF token and authorisation apply unchanged. docs/console.md.
 */
public final class ConsoleServer {

    private final HttpServer server;
    private final Upstream upstream;
    private final String host;

    private ConsoleServer(HttpServer server, Upstream upstream, String host) {
        this.server = server;
        this.upstream = upstream;
        this.host = host;
    }

    /** Starts it on {@code vertx}; the future fails when the port cannot be bound. */
    public static Future<ConsoleServer> start(Vertx vertx, ConsoleSettings settings) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(settings, "settings");
        Upstream upstream = Upstream.open(vertx, settings.cloud(), ConsoleSettings.portOf(settings.cloud()),
                settings.provisioning().map(url -> new Upstream.Tls(url.getHost(), ConsoleSettings.portOf(url),
                        settings.provisioningCa().orElseThrow())), Clock.systemUTC());
        return vertx.createHttpServer()
                .requestHandler(ConsoleRoutes.router(vertx, upstream))
                .listen(settings.port(), settings.host())
                .map(server -> new ConsoleServer(server, upstream, settings.host()))
                .onFailure(failure -> upstream.close());
    }

    /** The port it listens on. */
    public int port() {
        return server.actualPort();
    }

    /** The console's address, {@code http://host:port/}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    /** Stops listening and closes the connections to the cloud. */
    public Future<Void> stop() {
        return server.close().eventually(upstream::close);
    }
}
