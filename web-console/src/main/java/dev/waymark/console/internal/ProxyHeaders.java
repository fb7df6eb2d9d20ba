package dev.waymark.console.internal;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Names the browser's address to the cloud in {@code X-Forwarded-For} (the console is the edge, so whatever the
 * browser claimed there is replaced), and keeps every API answer out of caches.
 */
final class ProxyHeaders implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        SocketAddress browser = context.request().proxiedRequest().remoteAddress();
        context.request().headers().remove("Forwarded");
        if (browser != null && browser.hostAddress() != null) {
            context.request().headers().set("X-Forwarded-For", browser.hostAddress());
        } else {
            context.request().headers().remove("X-Forwarded-For");
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().headers().set("Cache-Control", "no-store");
        return context.sendResponse();
    }
}
