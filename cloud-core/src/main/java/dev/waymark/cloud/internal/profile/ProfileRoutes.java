package dev.waymark.cloud.internal.profile;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code GET /v1/profiles/{namespace}/{id}} (scope read): the profile holding that identifier, with its identities,
 * merges, refused links, consents (effective and history) and the sections other parts contribute (journey,
 * decisions), each under its name.
 */
public final class ProfileRoutes {

    private static final Logger LOG = Logger.getLogger(ProfileRoutes.class.getName());

    private final Store store;
    private final Guard guard;
    private final Namespaces namespaces;
    private final ProfileDocument document;

    /** Routes reading {@code store}, guarded by {@code guard}, with {@code sections} by name (e.g. journey). */
    public ProfileRoutes(Store store, Guard guard, Namespaces namespaces, ConsentLedgerBook consents,
            Map<String, ProfileSection> sections) {
        this.store = Objects.requireNonNull(store, "store");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.document = new ProfileDocument(consents, sections);
    }

    /** Mounts the route on {@code router}. */
    public void mount(Router router) {
        router.get("/v1/profiles/:namespace/:id").handler(guard.require(Scope.READ)).handler(this::get);
    }

    private void get(RoutingContext context) {
        Optional<Identifier> identifier = ProfileAddress.of(context, namespaces);
        if (identifier.isEmpty()) {
            return;
        }
        store.read(c -> {
            Optional<String> profileId = ProfileDirectory.find(c, identifier.get());
            return profileId.isEmpty() ? null : document.load(c, profileId.get());
        }).onSuccess(profile -> {
            if (profile == null) {
                ProfileAddress.notFound(context, identifier.get());
            } else {
                context.response().putHeader("content-type", "application/json").end(profile.encode());
            }
        }).onFailure(failure -> {
            LOG.warning(() -> "profile read failed: " + failure.getMessage());
            ApiErrors.send(context, 500, "internal", "the profile could not be read");
        });
    }
}
