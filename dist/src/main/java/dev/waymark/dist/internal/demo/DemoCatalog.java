package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.platform.CloudApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo's action catalog, intent patterns and policies, which tell its stories (docs/demo.md): resources
 * {@code demo/catalog/actions.json}, {@code patterns.json} and {@code policies.json}, each the body of the cloud's
 * catalog admin API ({@code PUT /v1/catalog/actions}, {@code .../patterns}, {@code .../policies}), written in the
 * form the API answers with, so an installed part compares equal to its resource.
 */
public final class DemoCatalog {

    /** The actions resource. */
    public static final String ACTIONS = "/demo/catalog/actions.json";
    /** The intent patterns resource. */
    public static final String PATTERNS = "/demo/catalog/patterns.json";
    /** The policies resource. */
    public static final String POLICIES = "/demo/catalog/policies.json";

    private DemoCatalog() {
    }

    /**
     * Installs the demo catalog through the admin API with {@code secretKey} (scope {@code admin}): patterns first,
     * then actions, then policies, each only when the cloud's current one differs, so a second install on the
     * same data changes nothing and makes no new version. Blocking; never call it on an event loop.
     *
     * @return the catalog and bundle version in force afterwards
     * @throws IOException when the cloud cannot be reached or refuses a part (the message has its status and answer)
     */
    public static long install(CloudApi api, String secretKey) throws IOException {
        return install(api, secretKey, json(POLICIES));
    }

    /**
     * As {@link #install(CloudApi, String)}, with no control group: every eligible shopper is treated. For tests,
     * where the demo's holdout would make one shopper's outcome a coin toss.
     */
    public static long installWithoutHoldout(CloudApi api, String secretKey) throws IOException {
        JsonObject policies = json(POLICIES);
        policies.getJsonObject("controlGroup").put("percent", 0.0);
        return install(api, secretKey, policies);
    }

    private static long install(CloudApi api, String secretKey, JsonObject policies) throws IOException {
        long version = -1;
        version = Math.max(version, apply(api, secretKey, "/v1/catalog/patterns", json(PATTERNS), null));
        version = Math.max(version, apply(api, secretKey, "/v1/catalog/actions", json(ACTIONS), "actions"));
        version = Math.max(version, apply(api, secretKey, "/v1/catalog/policies", policies, null));
        if (version < 0) {
            version = answer(api.get("/v1/catalog/actions", secretKey), "GET /v1/catalog/actions").getLong("version");
        }
        return version;
    }

    /** The resource at {@code path} as JSON. */
    public static JsonObject json(String path) {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUTs {@code wanted} unless the current part ({@code member} of the GET answer, or all of it) equals it. */
    private static long apply(CloudApi api, String key, String path, JsonObject wanted, String member)
            throws IOException {
        JsonObject current = answer(api.get(path, key), "GET " + path);
        Object have = member == null ? current : current.getValue(member);
        Object want = member == null ? wanted : wanted.getValue(member);
        if (sameJson(have, want)) {
            return -1;
        }
        return answer(api.send("PUT", path, key, wanted), "PUT " + path).getLong("version");
    }

    private static JsonObject answer(CloudApi.Answer answer, String request) throws IOException {
        if (answer.status() != 200) {
            throw new IOException(request + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** JSON equality where numbers compare by value ({@code 8} equals {@code 8.0}), as the API writes doubles. */
    static boolean sameJson(Object a, Object b) {
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            // getValue wraps nested maps and lists as JsonObject and JsonArray.
            return x.fieldNames().equals(y.fieldNames())
                    && x.fieldNames().stream().allMatch(k -> sameJson(x.getValue(k), y.getValue(k)));
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameJson(x.getValue(i), y.getValue(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}
