package dev.waymark.decision.internal;

import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.CatalogError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Compiles eligibility rules with CEL, once per catalog. */
public final class CatalogCompiler {

    /** The rule variables; the edge environment leaves out the first. */
    public static final String PROFILE = "profile";
    public static final String JOURNEY = "journey";
    public static final String EVENT = "event";
    public static final String CONTEXT = "context";

    // Catalog authors write `journey.cartValue > 50` whether the fact is an int or a double.
    static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .build();
    private static final CelCompiler CLOUD = compiler(true);
    private static final CelCompiler EDGE = compiler(false);
    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private CatalogCompiler() {
    }

    /** The compiled catalog when there are no errors, and every error found. */
    public record Result(Optional<CompiledCatalog> catalog, List<CatalogError> errors) {
    }

    public static Result compile(List<ActionDefinition> definitions) {
        List<CatalogError> errors = new ArrayList<>();
        List<CompiledAction> compiled = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            ActionDefinition definition = definitions.get(i);
            if (definition == null) {
                errors.add(new CatalogError("#" + i, "action", "is null"));
                continue;
            }
            if (!seen.add(definition.id())) {
                errors.add(new CatalogError(definition.id(), "id", "appears more than once in the catalog"));
                continue;
            }
            compileOne(definition, compiled.size(), errors).ifPresent(compiled::add);
        }
        return new Result(errors.isEmpty() ? Optional.of(new CompiledCatalog(compiled)) : Optional.empty(),
                List.copyOf(errors));
    }

    private static Optional<CompiledAction> compileOne(
            ActionDefinition definition, int ordinal, List<CatalogError> errors) {
        String source = definition.eligibility().strip();
        CelCompiler compiler = definition.edgeDecidable() ? EDGE : CLOUD;
        CelValidationResult checked = compiler.compile(source, "action " + definition.id());
        if (checked.hasError()) {
            String prefix = definition.edgeDecidable()
                    ? "edge-decidable rule must type-check without profile: " : "";
            errors.add(new CatalogError(definition.id(), "eligibility", prefix + checked.getErrorString()));
            return Optional.empty();
        }
        try {
            CelRuntime.Program program = RUNTIME.createProgram(checked.getAst());
            return Optional.of(new CompiledAction(definition, program, source.equals("true"), ordinal));
        } catch (CelEvaluationException | dev.cel.common.CelValidationException e) {
            errors.add(new CatalogError(definition.id(), "eligibility", e.getMessage()));
            return Optional.empty();
        }
    }

    private static CelCompiler compiler(boolean withProfile) {
        MapType facts = MapType.create(SimpleType.STRING, SimpleType.DYN);
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL)
                .addVar(JOURNEY, facts)
                .addVar(EVENT, facts)
                .addVar(CONTEXT, facts);
        if (withProfile) {
            builder.addVar(PROFILE, facts);
        }
        return builder.build();
    }
}
