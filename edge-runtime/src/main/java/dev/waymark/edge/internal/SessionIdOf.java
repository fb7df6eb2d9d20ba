package dev.waymark.edge.internal;

import dev.waymark.protocol.CloudEvent;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the {@code sessionId} component every kiosk payload record has; empty for payloads without one. */
final class SessionIdOf {

    private static final Map<Class<?>, Optional<RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private SessionIdOf() {
    }

    static Optional<String> event(CloudEvent event) {
        Object data = event.data();
        Optional<RecordComponent> component = COMPONENTS.computeIfAbsent(data.getClass(), type -> {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return Optional.empty();
            }
            for (RecordComponent c : components) {
                if (c.getName().equals("sessionId") && c.getType() == String.class) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        });
        return component.map(c -> {
            try {
                return (String) c.getAccessor().invoke(data);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read sessionId of " + event.type(), e);
            }
        });
    }
}
