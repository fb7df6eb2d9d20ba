package dev.waymark.console.internal;

import dev.waymark.provisioning.DeviceTrust;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.httpproxy.HttpProxy;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/** The console's connections to the cloud: its API, and its enrollment service when there is one. */
public final class Upstream {

    /** The enrollment service's address and the CA fingerprint its certificate must chain to. */
    public record Tls(String host, int port, String caFingerprint) {
    }

    private final HttpClient cloud;
    private final HttpProxy cloudProxy;
    private final Optional<HttpClient> provisioning;
    private final Optional<HttpProxy> provisioningProxy;

    private Upstream(HttpClient cloud, HttpProxy cloudProxy, Optional<HttpClient> provisioning,
            Optional<HttpProxy> provisioningProxy) {
        this.cloud = cloud;
        this.cloudProxy = cloudProxy;
        this.provisioning = provisioning;
        this.provisioningProxy = provisioningProxy;
    }

    /** Opens the clients; nothing connects until the first request. */
    public static Upstream open(Vertx vertx, URI cloudUrl, int cloudPort, Optional<Tls> enrollment, Clock clock) {
        // Idle timeout 0: the live stream (server-sent events) stays open for as long as a page shows it.
        HttpClient cloud = vertx.createHttpClient(new HttpClientOptions().setSsl("https".equals(cloudUrl.getScheme()))
                .setIdleTimeout(0).setMaxRedirects(0));
        HttpProxy cloudProxy = HttpProxy.reverseProxy(cloud).origin(cloudPort, cloudUrl.getHost())
                .addInterceptor(new ProxyHeaders());
        // The device CA also signs hubs' server certificates, so the pin alone is not enough: the host name is
        // checked too (HttpClientOptions' default), as devices do when they enroll.
        Optional<HttpClient> provisioning = enrollment.map(tls -> vertx.createHttpClient(new HttpClientOptions()
                .setSsl(true).setTrustOptions(TrustOptions.wrap(DeviceTrust.forServers(tls.caFingerprint(), clock)))
                .setVerifyHost(true).setMaxRedirects(0)));
        Optional<HttpProxy> provisioningProxy = enrollment.map(tls -> HttpProxy.reverseProxy(provisioning.get())
                .origin(tls.port(), tls.host()).addInterceptor(new ProxyHeaders()));
        return new Upstream(cloud, cloudProxy, provisioning, provisioningProxy);
    }

    HttpProxy cloudProxy() {
        return cloudProxy;
    }

    Optional<HttpProxy> provisioningProxy() {
        return provisioningProxy;
    }

    /** Closes the clients. */
    public Future<Void> close() {
        return cloud.close().eventually(() -> provisioning.map(HttpClient::close).orElse(Future.succeededFuture()));
    }
}
