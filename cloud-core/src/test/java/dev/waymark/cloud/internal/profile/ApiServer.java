package dev.waymark.cloud.internal.profile;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A real HTTP server on an ephemeral port with the routes a test mounts, and a client for it. */
public final class ApiServer implements AutoCloseable {

    private final HttpServer server;
    private final WebClient client;

    public ApiServer(Vertx vertx, Consumer<Router> mount) throws Exception {
        Router router = Router.router(vertx);
        mount.accept(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(server.actualPort()));
    }

    /** A GET of {@code uri} with {@code scopes} in the test guard's header (null for none). */
    public HttpResponse<Buffer> get(String uri, String scopes) throws Exception {
        return send(client.get(uri), scopes, null);
    }

    /** A POST of {@code body} to {@code uri} with {@code scopes}. */
    public HttpResponse<Buffer> post(String uri, String scopes, String body) throws Exception {
        return send(client.post(uri), scopes, body);
    }

    private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, String scopes, String body)
            throws Exception {
        if (scopes != null) {
            request.putHeader(HeaderGuard.HEADER, scopes);
        }
        return (body == null ? request.send() : request.putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(body))).await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close().await(10, TimeUnit.SECONDS);
    }
}
