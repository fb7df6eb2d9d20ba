package dev.waymark.cloud.internal.profile;

import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.Identifiers;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The {@code {namespace}/{id}} of a profile URL, checked: a configured namespace (or {@code profile} for a profile
 * id) and an id of 1 to {@value Identifiers#MAX_VALUE_CHARS} characters. Ends the request with a 400 naming the
 * path parameter otherwise.
 */
public final class ProfileAddress {

    private ProfileAddress() {
    }

    /** The identifier addressed, or empty after answering 400. */
    public static Optional<Identifier> of(RoutingContext context, Namespaces namespaces) {
        String namespace = context.pathParam("namespace");
        String id = context.pathParam("id");
        if (namespace == null || (!namespace.equals(ProfileDirectory.PROFILE_NAMESPACE)
                && namespaces.find(namespace).isEmpty())) {
            ApiErrors.field(context, 400, "namespace", "unknown namespace; use one of "
                    + String.join(", ", namespaces.all().stream().map(ns -> ns.name()).toList()) + " or "
                    + ProfileDirectory.PROFILE_NAMESPACE);
            return Optional.empty();
        }
        if (id == null || id.isBlank() || id.length() > Identifiers.MAX_VALUE_CHARS) {
            ApiErrors.field(context, 400, "id", "must be 1 to " + Identifiers.MAX_VALUE_CHARS + " characters");
            return Optional.empty();
        }
        return Optional.of(new Identifier(namespace, id));
    }

    /** Ends the request with 404 naming the identifier (a token or id, never raw personal data). */
    public static void notFound(RoutingContext context, Identifier identifier) {
        ApiErrors.send(context, 404, "not_found", "no profile holds " + identifier);
    }
}
