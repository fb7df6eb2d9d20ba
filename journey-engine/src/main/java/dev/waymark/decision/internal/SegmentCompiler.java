package dev.waymark.decision.internal;

import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * Compiles a campaign's segment: a boolean CEL expression over {@code profile} and {@code journey}, the facts the
 * cloud's eligibility rules see, with the catalog's options (mixed int/double comparisons).
 */
public final class SegmentCompiler {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(CatalogCompiler.OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL)
            .addVar(CatalogCompiler.PROFILE, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar(CatalogCompiler.JOURNEY, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .build();

    private SegmentCompiler() {
    }

    /** The program, or throws IllegalArgumentException with the compiler's message (line and column). */
    public static CelRuntime.Program compile(String source) {
        CelValidationResult checked = COMPILER.compile(source, "segment");
        if (checked.hasError()) {
            throw new IllegalArgumentException(checked.getErrorString());
        }
        try {
            return CatalogCompiler.RUNTIME.createProgram(checked.getAst());
        } catch (CelEvaluationException | CelValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Evaluates {@code program}; a rule that fails to evaluate (a missing key) does not match. */
    public static boolean matches(CelRuntime.Program program, Map<String, Object> profile,
            Map<String, Object> journey) {
        try {
            return Boolean.TRUE.equals(program.eval(Map.of(CatalogCompiler.PROFILE, profile,
                    CatalogCompiler.JOURNEY, journey)));
        } catch (CelEvaluationException e) {
            return false;
        }
    }
}
