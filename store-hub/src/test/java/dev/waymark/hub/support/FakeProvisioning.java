package dev.waymark.hub.support;

import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.Revocation;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The two routes a hub polls, {@code /revocations} and {@code /crl}, over HTTPS with a service certificate from the
 * test CA: the provisioning service's feed as {@code RevocationFetcher} reads it.
 */
public final class FakeProvisioning implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<Revocation> feed = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public FakeProvisioning(DeviceCa ca) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate cert = ca.issueServiceServer(keys.getPublic(), List.of("127.0.0.1"), Duration.ofDays(1));
        PemKeyCertOptions pem = new PemKeyCertOptions()
                .setKeyValue(Buffer.buffer(pem("PRIVATE KEY", keys.getPrivate().getEncoded())))
                .setCertValue(Buffer.buffer(pem("CERTIFICATE", cert.getEncoded())
                        + pem("CERTIFICATE", ca.certificate().getEncoded())));
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(pem))
                .requestHandler(request -> {
                    if (request.path().endsWith("/crl")) {
                        try {
                            request.response().end(Buffer.buffer(ca.revocationList(List.copyOf(feed),
                                    Duration.ofMinutes(1)).getEncoded()));
                        } catch (Exception e) {
                            request.response().setStatusCode(500).end();
                        }
                        return;
                    }
                    long since = Long.parseLong(request.getParam("since", "0"));
                    JsonArray entries = new JsonArray();
                    for (Revocation r : feed) {
                        if (r.sequence() > since) {
                            entries.add(new JsonObject().put("sequence", r.sequence()).put("deviceId", r.deviceId())
                                    .put("store", r.storeId()).put("serial", r.serial())
                                    .put("revokedAt", r.revokedAt().toString()).put("reason", r.reason()));
                        }
                    }
                    request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                            .put("revocations", entries).put("latest", feed.size()).encode());
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    public String url() {
        return "https://127.0.0.1:" + server.actualPort() + "/provisioning/v1";
    }

    public void revoke(Revocation revocation) {
        feed.add(revocation);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
