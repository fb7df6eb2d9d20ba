package dev.waymark.decision.internal;

import dev.cel.runtime.CelRuntime;
import dev.waymark.decision.ActionDefinition;

/** An action with its eligibility rule compiled into a CEL program; {@code alwaysTrue} skips evaluation. */
public record CompiledAction(ActionDefinition definition, CelRuntime.Program program, boolean alwaysTrue, int ordinal) {
}
