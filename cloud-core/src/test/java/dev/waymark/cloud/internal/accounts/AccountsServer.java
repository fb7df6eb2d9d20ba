package dev.waymark.cloud.internal.accounts;

import static dev.waymark.cloud.internal.accounts.AccountsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * A real HTTP server on port 0 with the account routes (Secure cookies at the root, plain ones under /plain) and
 * probe routes behind the guard: {@code /t/read}, {@code /t/track} (echo the caller and the body) and
 * {@code /t/store/:store} (provisioning's store access).
 */
final class AccountsServer implements AutoCloseable {

    final AccountsFixture fixture;
    final AccountsGuard guard;
    final WebClient client;
    private final HttpServer server;

    AccountsServer(String url) throws Exception {
        fixture = new AccountsFixture(url);
        guard = new AccountsGuard(fixture.accounts);
        Router router = Router.router(fixture.vertx);
        new AccountRoutes(fixture.accounts, guard, AccountsSettings.DEFAULTS).mount(router);
        Router plain = Router.router(fixture.vertx);
        new AccountRoutes(fixture.accounts, guard, new AccountsSettings(false, AccountsSettings.DEFAULTS.sessionTtl(),
                5, AccountsSettings.DEFAULTS.lockout())).mount(plain);
        router.route("/plain/*").subRouter(plain);
        probe(router, "/t/read", Scope.READ);
        probe(router, "/t/track", Scope.TRACK);
        router.get("/t/store/:store").handler(context -> guard.storeAccess()
                .authorize(context, context.pathParam("store"))
                .onSuccess(actor -> context.json(new JsonObject().put("actor", actor)))
                .onFailure(e -> context.response().setStatusCode(e instanceof SecurityException ? 401 : 500)
                        .end(e.getMessage())));
        server = await(fixture.vertx.createHttpServer().requestHandler(router).listen(0));
        client = WebClient.create(fixture.vertx);
    }

    private void probe(Router router, String path, Scope scope) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(4096);
        router.route(path).handler(body).handler(guard.require(scope)).handler(context -> {
            Caller caller = Guard.caller(context);
            JsonObject reply = new JsonObject().put("id", caller.id())
                    .put("stores", new JsonArray(List.copyOf(caller.stores())));
            if (context.request().method() != HttpMethod.GET) {
                reply.put("body", context.body().asString());
            }
            context.json(reply);
        });
    }

    HttpRequest<Buffer> request(HttpMethod method, String path) {
        return client.request(method, server.actualPort(), "localhost", path);
    }

    /** Signs in over HTTP and returns the response (cookie and CSRF token within). */
    HttpResponse<Buffer> signIn(String name, String password) {
        HttpResponse<Buffer> response = await(request(HttpMethod.POST, "/v1/session")
                .sendJsonObject(new JsonObject().put("name", name).put("password", password)));
        assertThat(response.statusCode()).as("sign-in: %s", response.bodyAsString()).isEqualTo(200);
        return response;
    }

    /** The session id the response's Set-Cookie carries. */
    static String sessionCookie(HttpResponse<Buffer> response) {
        return response.cookies().stream().filter(c -> c.startsWith(SessionCookie.NAME + "="))
                .map(c -> c.substring(SessionCookie.NAME.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Override
    public void close() throws Exception {
        client.close();
        await(server.close());
        fixture.close();
    }
}
