package dev.waymark.edge.internal;

import dev.waymark.edge.EdgeSettings;
import dev.waymark.protocol.Limits;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /v1/decisions/{decisionId}}, the kiosk screen's "why" link. An offline decision of this agent
 * ({@code edge-} ids) is answered with the explanation it kept; a cloud decision is redirected (302) to the
 * configured {@code explainUrl}, or, without one, answered 404 with where to look.
 */
final class ExplanationRoute {

    // Json.createObjectBuilder looks the provider up through ServiceLoader on every call; look it up once.
    private static final JsonProvider JSON = JsonProvider.provider();
    static final String PATH = "/v1/decisions/:decisionId";
    private static final String EDGE_PREFIX = "edge-";

    private final KeptExplanations explanations;
    private final Optional<String> explainUrl;

    ExplanationRoute(KeptExplanations explanations, Optional<String> explainUrl) {
        this.explanations = explanations;
        this.explainUrl = explainUrl;
    }

    void handle(RoutingContext ctx) {
        String decisionId = ctx.pathParam("decisionId");
        if (decisionId == null || decisionId.isBlank() || decisionId.length() > Limits.MAX_ID_CHARS) {
            answer(ctx, 400, "", "decisionId: must be 1 to " + Limits.MAX_ID_CHARS + " characters");
        } else if (decisionId.startsWith(EDGE_PREFIX)) {
            explanations.find(decisionId).ifPresentOrElse(
                    json -> ctx.response().putHeader("content-type", "application/json").end(json),
                    () -> answer(ctx, 404, decisionId, "this kiosk decided it offline but no longer keeps its "
                            + "explanation (it keeps the last " + explanations.capacity() + ", in memory)"));
        } else if (explainUrl.isPresent()) {
            ctx.response().setStatusCode(302).putHeader("location", explainUrl.get()
                    .replace(EdgeSettings.DECISION_ID_PLACEHOLDER, percentEncoded(decisionId))).end();
        } else {
            answer(ctx, 404, decisionId, "the cloud decided it: GET /v1/decisions/" + decisionId + " on the cloud "
                    + "API (signed in as an admin) explains it; set " + EdgeSettings.EXPLAIN_URL
                    + " in edge.json to link there");
        }
    }

    private static void answer(RoutingContext ctx, int status, String decisionId, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(JSON.createObjectBuilder().add("decisionId", decisionId).add("message", message).build()
                        .toString());
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, so an id stays one path segment. */
    static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
