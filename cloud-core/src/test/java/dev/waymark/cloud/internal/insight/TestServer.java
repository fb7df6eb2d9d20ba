package dev.waymark.cloud.internal.insight;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A real HTTP server on an ephemeral port with the routes a test mounts, and a client for it. */
final class TestServer implements AutoCloseable {

    final HttpServer server;
    final WebClient client;

    TestServer(Vertx vertx, Consumer<Router> mount) {
        Router router = Router.router(vertx);
        mount.accept(router);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(server.actualPort()));
    }

    /** GET {@code uri} as {@code caller} (a {@link TestGuard} header value; null for none). */
    HttpResponse<Buffer> get(String uri, String caller) {
        HttpRequest<Buffer> request = client.get(uri);
        if (caller != null) {
            request.putHeader(TestGuard.HEADER, caller);
        }
        return await(request.send());
    }

    /** Waits for {@code future}; a test failure when it does not complete in 20 s. */
    static <T> T await(Future<T> future) {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 20 s", e);
        }
    }

    @Override
    public void close() {
        client.close();
        await(server.close());
    }
}
