package dev.waymark.edge.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference kiosk screen: a fixed set of static files from this module's resources
 * ({@code dev/waymark/edge/kiosk/}), read once at start and served from memory under {@code /kiosk/}.
 * {@code GET /} redirects there. Nothing else is served, so no path can reach another resource.
 */
final class KioskAssets {

    static final String ROOT = "/kiosk/";
    private static final String FOLDER = "dev/waymark/edge/kiosk/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "kiosk.css", "text/css; charset=utf-8",
            "kiosk.js", "text/javascript; charset=utf-8",
            "agent-link.js", "text/javascript; charset=utf-8",
            "action-cards.js", "text/javascript; charset=utf-8",
            "shop.js", "text/javascript; charset=utf-8",
            "products.json", "application/json",
            "action-texts.json", "application/json");

    private record Asset(String contentType, byte[] body) {
    }

    private final Map<String, Asset> assets;

    private KioskAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads every file; blocking, so call it off the event loop. Throws when one is missing from the build. */
    static KioskAssets load() {
        Map<String, Asset> assets = new HashMap<>();
        ClassLoader loader = KioskAssets.class.getClassLoader();
        FILES.forEach((name, type) -> {
            try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("kiosk screen file missing from the build: " + FOLDER + name);
                }
                assets.put(name, new Asset(type, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("kiosk screen file unreadable: " + FOLDER + name, e);
            }
        });
        return new KioskAssets(Map.copyOf(assets));
    }

    void route(Router router) {
        router.get("/").handler(ctx -> redirect(ctx, ROOT));
        // Browsers ask for it on their own; an empty answer keeps a 404 out of the screen's console.
        router.get("/favicon.ico").handler(ctx -> ctx.response().setStatusCode(204).end());
        // Vert.x lets "/kiosk" match "/kiosk/" as well; the page's relative links need the slash.
        router.get("/kiosk").handler(this::index);
        router.get(ROOT).handler(this::index);
        router.get(ROOT + ":file").handler(ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private void index(RoutingContext ctx) {
        if (ctx.request().path().endsWith("/")) {
            serve(ctx, "index.html");
        } else {
            redirect(ctx, ROOT);
        }
    }

    private void serve(RoutingContext ctx, String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            ctx.response().setStatusCode(404).putHeader("content-type", "text/plain; charset=utf-8").end("not found");
            return;
        }
        ctx.response().putHeader("content-type", asset.contentType()).end(Buffer.buffer(asset.body()));
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("location", location).end();
    }
}
