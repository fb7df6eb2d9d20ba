package dev.waymark.decision.internal;

import dev.waymark.decision.ActionDefinition;
import dev.waymark.protocol.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The compiled actions and their (channel, placement) index. Immutable. */
public final class CompiledCatalog {

    private final List<ActionDefinition> definitions;
    private final Map<String, CompiledAction> byId;
    private final Map<Channel, Map<String, List<CompiledAction>>> index;

    CompiledCatalog(List<CompiledAction> actions) {
        this.definitions = actions.stream().map(CompiledAction::definition).toList();
        Map<String, CompiledAction> ids = new HashMap<>();
        Map<Channel, Map<String, List<CompiledAction>>> slots = new EnumMap<>(Channel.class);
        for (CompiledAction action : actions) {
            ids.put(action.definition().id(), action);
            for (Channel channel : action.definition().channels()) {
                for (String placement : action.definition().placements()) {
                    slots.computeIfAbsent(channel, c -> new HashMap<>())
                            .computeIfAbsent(placement, p -> new ArrayList<>())
                            .add(action);
                }
            }
        }
        this.byId = Map.copyOf(ids);
        Map<Channel, Map<String, List<CompiledAction>>> frozen = new EnumMap<>(Channel.class);
        slots.forEach((channel, byPlacement) -> {
            Map<String, List<CompiledAction>> copy = new HashMap<>();
            byPlacement.forEach((placement, list) -> copy.put(placement, List.copyOf(list)));
            frozen.put(channel, Map.copyOf(copy));
        });
        this.index = frozen;
    }

    public List<ActionDefinition> definitions() {
        return definitions;
    }

    public Optional<CompiledAction> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Actions that can fill {@code placement} on {@code channel}, in catalog order; empty when none. */
    public List<CompiledAction> candidates(Channel channel, String placement) {
        Map<String, List<CompiledAction>> byPlacement = index.get(channel);
        if (byPlacement == null) {
            return List.of();
        }
        return byPlacement.getOrDefault(placement, List.of());
    }
}
