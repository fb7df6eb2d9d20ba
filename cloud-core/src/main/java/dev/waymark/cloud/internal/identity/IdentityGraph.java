package dev.waymark.cloud.internal.identity;

import dev.waymark.protocol.UlidGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link IdentityResolver} over the store's identity tables. The profiles holding the event's identifiers are
 * ranked (the one holding the highest-priority identifier first, ties to the oldest) and merged into the first,
 * unless a merge would give a unique namespace two values: then that profile is kept apart and the refusal
 * recorded. Unknown identifiers are linked to the surviving profile, or, when they would clash in a unique
 * namespace, get a profile of their own (also recorded). A new profile is made when nothing is known. The event
 * belongs to the profile of its highest-priority identifier.
 */
public final class IdentityGraph implements IdentityResolver {

    /** Most identifiers one resolution takes; an event carries a handful. */
    public static final int MAX_IDENTIFIERS = 32;

    private final Namespaces namespaces;
    private final UlidGenerator ids;
    private final List<MergeHook> hooks = new CopyOnWriteArrayList<>();
    private volatile LinkBlock block = LinkBlock.NONE;

    /** A graph over {@code namespaces} making profile and merge ids with {@code ids}. */
    public IdentityGraph(Namespaces namespaces, UlidGenerator ids) {
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public void onMerge(MergeHook hook) {
        hooks.add(Objects.requireNonNull(hook, "hook"));
    }

    /** Checks events against {@code block} from now on (the erased identifiers); none are blocked before. */
    public void blockWith(LinkBlock block) {
        this.block = Objects.requireNonNull(block, "block");
    }

    @Override
    public boolean blocked(Connection connection, List<Identifier> identifiers) throws SQLException {
        return block.blocks(connection, identifiers);
    }

    /** {@inheritDoc} Throws IllegalArgumentException naming the identifier for an unknown namespace or a bad value. */
    @Override
    public Resolution resolve(Connection connection, List<Identifier> identifiers, String cause, Instant at)
            throws SQLException {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
        List<Identifier> input = checked(identifiers);
        Map<Identifier, String> owners = new HashMap<>();
        List<Candidate> ranked = candidates(connection, input, owners);
        ranked.sort(Candidate.RANK);
        if (ranked.size() == 1 && ranked.get(0).profileId().isPresent()) {
            return new Resolution(ranked.get(0).profileId().get(), List.of(), List.of());
        }
        Candidate first = ranked.get(0);
        String survivor = first.profileId().isPresent() ? first.profileId().get() : newProfile(connection, at);
        Map<String, Set<String>> held = new HashMap<>();
        List<Candidate> merged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Candidate candidate : ranked) {
            Optional<String> clash = candidate == first ? Optional.empty() : candidate.clashWith(held);
            if (clash.isEmpty()) {
                join(connection, candidate, survivor, cause, at, owners);
                candidate.uniques().forEach((ns, values) -> held.computeIfAbsent(ns, k -> new HashSet<>())
                        .addAll(values));
                if (candidate != first && candidate.profileId().isPresent()) {
                    merged.add(candidate);
                }
            } else {
                refused.add(keepApart(connection, candidate, survivor, clash.get(), input, cause, at, owners));
            }
        }
        String profileId = eventProfile(input, owners, survivor);
        List<String> mergedFrom = profileId.equals(survivor) ? merged.stream()
                .sorted(Comparator.comparingLong(Candidate::createdAt).thenComparing(Candidate::describe))
                .map(Candidate::describe).toList() : List.of();
        return new Resolution(profileId, mergedFrom, refused);
    }

    private List<Identifier> checked(List<Identifier> identifiers) {
        Objects.requireNonNull(identifiers, "identifiers");
        if (identifiers.isEmpty() || identifiers.size() > MAX_IDENTIFIERS) {
            throw new IllegalArgumentException("identifiers: must be 1 to " + MAX_IDENTIFIERS + ", were "
                    + identifiers.size());
        }
        for (Identifier identifier : identifiers) {
            namespaces.require(identifier.namespace());
            if (identifier.value().length() > Identifiers.MAX_VALUE_CHARS) {
                throw new IllegalArgumentException("identifiers: a " + identifier.namespace() + " value is longer than "
                        + Identifiers.MAX_VALUE_CHARS + " characters");
            }
        }
        return List.copyOf(new LinkedHashSet<>(identifiers));
    }

    private List<Candidate> candidates(Connection c, List<Identifier> input, Map<Identifier, String> owners)
            throws SQLException {
        Map<String, Candidate> known = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Identifier identifier = input.get(i);
            Optional<String> profile = IdentityTables.profileOf(c, identifier);
            int priority = namespaces.require(identifier.namespace()).priority();
            if (profile.isPresent()) {
                owners.put(identifier, profile.get());
                Candidate seen = known.get(profile.get());
                known.put(profile.get(),
                        seen != null ? withPriority(seen, priority) : known(c, profile.get(), priority, i));
            } else {
                candidates.add(new Candidate(Optional.empty(), Optional.of(identifier), priority, Long.MAX_VALUE, i,
                        uniques(List.of(identifier))));
            }
        }
        candidates.addAll(known.values());
        return candidates;
    }

    private Candidate known(Connection c, String profileId, int priority, int order) throws SQLException {
        IdentityTables.ProfileFacts facts = IdentityTables.facts(c, profileId);
        List<Identifier> unique = new ArrayList<>();
        for (String namespace : facts.namespaces()) {
            if (namespaces.find(namespace).map(Namespace::unique).orElse(false)) {
                unique.addAll(IdentityTables.identities(c, profileId, Optional.of(namespace)));
            }
        }
        return new Candidate(Optional.of(profileId), Optional.empty(), priority, facts.createdAt(), order,
                uniques(unique));
    }

    private static Candidate withPriority(Candidate seen, int priority) {
        return priority <= seen.priority() ? seen : new Candidate(seen.profileId(), seen.fresh(), priority,
                seen.createdAt(), seen.order(), seen.uniques());
    }

    private Map<String, Set<String>> uniques(List<Identifier> identifiers) {
        Map<String, Set<String>> uniques = new HashMap<>();
        for (Identifier identifier : identifiers) {
            if (namespaces.require(identifier.namespace()).unique()) {
                uniques.computeIfAbsent(identifier.namespace(), k -> new HashSet<>()).add(identifier.value());
            }
        }
        return uniques;
    }

    private void join(Connection c, Candidate candidate, String survivor, String cause, Instant at,
            Map<Identifier, String> owners) throws SQLException {
        if (candidate.fresh().isPresent()) {
            IdentityTables.link(c, candidate.fresh().get(), survivor, at);
            owners.put(candidate.fresh().get(), survivor);
            return;
        }
        String from = candidate.profileId().orElseThrow();
        if (from.equals(survivor)) {
            return;
        }
        IdentityTables.merge(c, ids.next().value(), from, survivor, cause, at);
        for (MergeHook hook : hooks) {
            hook.merged(c, from, survivor);
        }
        owners.replaceAll((identifier, owner) -> owner.equals(from) ? survivor : owner);
    }

    private String keepApart(Connection c, Candidate candidate, String survivor, String namespace,
            List<Identifier> input, String cause, Instant at, Map<Identifier, String> owners) throws SQLException {
        String apart;
        if (candidate.fresh().isPresent()) {
            apart = newProfile(c, at);
            IdentityTables.link(c, candidate.fresh().get(), apart, at);
            owners.put(candidate.fresh().get(), apart);
        } else {
            apart = candidate.profileId().orElseThrow();
        }
        String reason = "unique namespace " + namespace + " would hold two values";
        IdentityTables.refuse(c, new IdentityTables.Refusal(cause, apart, survivor, Identifiers.describe(input),
                reason, at));
        return apart + " kept apart from " + survivor + ": " + reason;
    }

    private String newProfile(Connection c, Instant at) throws SQLException {
        String profileId = ids.next().value();
        IdentityTables.createProfile(c, profileId, at);
        return profileId;
    }

    /** The owner of the event's highest-priority identifier; between equals, the survivor. */
    private String eventProfile(List<Identifier> input, Map<Identifier, String> owners, String survivor) {
        return input.stream()
                .sorted(Comparator.comparingInt((Identifier id) -> namespaces.require(id.namespace()).priority())
                        .reversed()
                        .thenComparing(id -> !survivor.equals(owners.get(id))))
                .map(owners::get).findFirst().orElse(survivor);
    }
}
