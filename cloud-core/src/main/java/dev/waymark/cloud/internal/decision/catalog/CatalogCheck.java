package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.decision.ActionCatalog;
import dev.waymark.decision.CatalogCompilation;
import dev.waymark.decision.CatalogError;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.journey.IntentPatterns;
import dev.waymark.journey.Loaded;
import dev.waymark.journey.PatternError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a proposed catalog as a whole: every action read (an {@link InvalidField} for the first malformed
 * field), the catalog compiled with CEL and the patterns loaded (every error, for a 422).
 */
public final class CatalogCheck {

    /** Most actions one catalog may hold; a bundle must stay far below the protocol's 8 MB bundle limit. */
    public static final int MAX_ACTIONS = 1000;

    private CatalogCheck() {
    }

    /** The outcome: a draft, or the errors of a well-formed but invalid catalog. */
    public sealed interface Result {
    }

    /** Valid. */
    public record Valid(CatalogDraft draft) implements Result {
    }

    /** Well-formed but rejected: {@code {"errors": [{"actionId"|"pattern", "field", "message"}]}}. */
    public record Rejected(JsonObject errors) implements Result {
    }

    /** Reads the action list at {@code path}; throws {@link InvalidField}. */
    public static List<CatalogEntry> actions(String path, Object value) {
        JsonArray array = Fields.array(path, value);
        if (array.size() > MAX_ACTIONS) {
            throw new InvalidField(path, "more than " + MAX_ACTIONS + " actions");
        }
        List<CatalogEntry> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            entries.add(ActionJson.read(path + "[" + i + "]", array.getValue(i)));
        }
        return entries;
    }

    /** Compiles and loads; throws {@link InvalidField} only for malformed input already read by the caller. */
    public static Result check(List<CatalogEntry> actions, String patterns, DecisionPolicies policies) {
        JsonArray errors = new JsonArray();
        CatalogCompilation compiled = ActionCatalog.compile(actions.stream().map(CatalogEntry::definition).toList());
        if (compiled instanceof CatalogCompilation.Rejected rejected) {
            for (CatalogError error : rejected.errors()) {
                errors.add(new JsonObject().put("actionId", error.actionId()).put("field", error.field())
                        .put("message", error.message()));
            }
        }
        Loaded<IntentPatterns, PatternError> loaded = IntentPatterns.parse(patterns);
        for (PatternError error : loaded.errors()) {
            errors.add(new JsonObject().put("pattern", error.pattern()).put("field", error.field())
                    .put("message", error.reason()));
        }
        if (!errors.isEmpty()) {
            return new Rejected(new JsonObject().put("errors", errors));
        }
        return new Valid(new CatalogDraft(actions, compiled.orElseThrow(), loaded.orElseThrow(), policies));
    }

    /** The draft, or {@link CatalogRejected} with every error. */
    public static CatalogDraft require(List<CatalogEntry> actions, String patterns, DecisionPolicies policies) {
        Result result = check(actions, patterns, policies);
        if (result instanceof Rejected rejected) {
            throw new CatalogRejected(rejected.errors());
        }
        return ((Valid) result).draft();
    }

    /**
     * A proposal {@code {"actions", "patterns", "policies"}} (each part optional, defaulting to {@code latest}'s)
     * as a draft; paths in errors start with {@code prefix} ({@code ""} or {@code "catalog."}).
     */
    public static CatalogDraft proposal(JsonObject proposal, CatalogDraft latest, String prefix) {
        return require(
                proposal.getValue("actions") == null ? latest.actions()
                        : actions(prefix + "actions", proposal.getValue("actions")),
                proposal.getValue("patterns") == null ? latest.patterns().toJson()
                        : Fields.object(prefix + "patterns", proposal.getValue("patterns")).encode(),
                proposal.getValue("policies") == null ? latest.policies()
                        : PolicyJson.read(proposal.getValue("policies")));
    }
}
