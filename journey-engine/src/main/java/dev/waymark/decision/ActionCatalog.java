package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import dev.waymark.decision.internal.CatalogCompiler;
import dev.waymark.decision.internal.CompiledCatalog;
import java.util.List;
import java.util.Optional;

/**
 * A compiled action catalog: every eligibility rule parsed and type-checked once, and the actions indexed by
 * (channel, placement) so a decision only looks at the candidates that can fill its slot. Immutable and safe to
 * share between threads. Built once per decision bundle.
 */
public final class ActionCatalog {

    private final CompiledCatalog compiled;

    private ActionCatalog(CompiledCatalog compiled) {
        this.compiled = compiled;
    }

    /**
     * Compiles the actions' eligibility rules with CEL. Variables {@code profile}, {@code journey}, {@code event} and
     * {@code context} are each {@code map(string, dyn)}; a rule must be boolean. Rules of edge-decidable actions are
     * checked in an environment without {@code profile}, because a kiosk deciding offline does not have it.
     *
     * @return the catalog, or every error naming the action id, the field and the CEL message; never throws for a
     *         bad rule, so nothing about a rule can fail later at decision time
     */
    public static CatalogCompilation compile(List<ActionDefinition> definitions) {
        CatalogCompiler.Result result = CatalogCompiler.compile(definitions);
        if (!result.errors().isEmpty()) {
            return new CatalogCompilation.Rejected(result.errors());
        }
        return new CatalogCompilation.Compiled(new ActionCatalog(result.catalog().orElseThrow()));
    }

    /** The definitions, in the order they were given. */
    public List<ActionDefinition> definitions() {
        return compiled.definitions();
    }

    /** The action with this id, if any. */
    public Optional<ActionDefinition> find(String id) {
        return compiled.find(id).map(action -> action.definition());
    }

    /** Number of actions. */
    public int size() {
        return compiled.definitions().size();
    }

    /** Ids of the actions that can fill {@code placement} on {@code channel}, in catalog order. */
    public List<String> candidateIds(Channel channel, String placement) {
        return compiled.candidates(channel, placement).stream().map(action -> action.definition().id()).toList();
    }

    CompiledCatalog compiled() {
        return compiled;
    }
}
