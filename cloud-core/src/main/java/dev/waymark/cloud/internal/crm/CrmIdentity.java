package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.IdentityResolver;
import dev.waymark.cloud.internal.identity.MergeHook;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import dev.waymark.cloud.internal.identity.Resolution;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity resolver with the CRM told: an identifier of a synced namespace ({@code crm.namespaces}) that was
 * unknown before a resolution and is linked after it gives a {@link CrmMessage#LINKED} message for its profile, and
 * every merge a {@link CrmMessage#MERGED} one (as a {@link MergeHook}). Resolution itself is the delegate's.
 */
final class CrmIdentity implements IdentityResolver, MergeHook {

    private final IdentityResolver delegate;
    private final CrmFeed feed;
    private final Set<String> namespaces;
    private final Clock clock;

    CrmIdentity(IdentityResolver delegate, CrmFeed feed, Set<String> namespaces, Clock clock) {
        this.delegate = delegate;
        this.feed = feed;
        this.namespaces = namespaces;
        this.clock = clock;
    }

    @Override
    public Resolution resolve(Connection c, List<Identifier> identifiers, String cause, Instant at)
            throws SQLException {
        List<Identifier> unknown = new ArrayList<>();
        if (feed.sends()) {
            for (Identifier identifier : identifiers) {
                if (namespaces.contains(identifier.namespace()) && !unknown.contains(identifier)
                        && ProfileDirectory.find(c, identifier).isEmpty()) {
                    unknown.add(identifier);
                }
            }
        }
        Resolution resolution = delegate.resolve(c, identifiers, cause, at);
        Map<String, JsonArray> linked = new LinkedHashMap<>();
        for (Identifier identifier : unknown) {
            Optional<String> owner = ProfileDirectory.find(c, identifier);
            owner.ifPresent(profileId -> linked.computeIfAbsent(profileId, p -> new JsonArray()).add(
                    new JsonObject().put("namespace", identifier.namespace()).put("id", identifier.value())));
        }
        for (Map.Entry<String, JsonArray> entry : linked.entrySet()) {
            feed.publish(c, new CrmMessage("linked:" + entry.getKey() + ":" + cause, CrmMessage.LINKED,
                    entry.getKey(), at, new JsonObject().put("identifiers", entry.getValue())));
        }
        return resolution;
    }

    @Override
    public boolean blocked(Connection c, List<Identifier> identifiers) throws SQLException {
        return delegate.blocked(c, identifiers);
    }

    @Override
    public void onMerge(MergeHook hook) {
        delegate.onMerge(hook);
    }

    @Override
    public void merged(Connection c, String from, String into) throws SQLException {
        if (feed.sends()) {
            feed.publish(c, new CrmMessage("merged:" + from + ":" + into, CrmMessage.MERGED, into, clock.instant(),
                    new JsonObject().put("from", from)));
        }
    }
}
