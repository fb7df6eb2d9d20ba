package dev.waymark.protocol.internal;

import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.action.DecisionMode;
import dev.waymark.protocol.action.Stage;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.event.ConsentState;
import dev.waymark.protocol.event.DeviceState;
import jakarta.json.bind.adapter.JsonbAdapter;

import java.util.Locale;

/**
 * Enums travel in lower case ({@code granted}, {@code contact_policy}). Yasson finds an adapter's types from its
 * class's generic signature, so each enum gets a one-line concrete subclass.
 */
final class EnumAdapters {

    private EnumAdapters() {
    }

    static JsonbAdapter<?, ?>[] all() {
        return new JsonbAdapter<?, ?>[] {
            new ConsentStateAdapter(), new DeviceStateAdapter(), new ActionKindAdapter(),
            new DecisionModeAdapter(), new StageAdapter(), new DeviceRoleAdapter(), new LinkStateAdapter()
        };
    }

    abstract static class LowerCase<E extends Enum<E>> implements JsonbAdapter<E, String> {
        private final Class<E> type;

        LowerCase(Class<E> type) {
            this.type = type;
        }

        @Override
        public String adaptToJson(E constant) {
            return FieldRule.wireName(constant);
        }

        @Override
        public E adaptFromJson(String text) {
            if (!text.equals(text.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a lower-case " + type.getSimpleName() + ": " + text);
            }
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        }
    }

    static final class ConsentStateAdapter extends LowerCase<ConsentState> {
        ConsentStateAdapter() {
            super(ConsentState.class);
        }
    }

    static final class DeviceStateAdapter extends LowerCase<DeviceState> {
        DeviceStateAdapter() {
            super(DeviceState.class);
        }
    }

    static final class ActionKindAdapter extends LowerCase<ActionKind> {
        ActionKindAdapter() {
            super(ActionKind.class);
        }
    }

    static final class DecisionModeAdapter extends LowerCase<DecisionMode> {
        DecisionModeAdapter() {
            super(DecisionMode.class);
        }
    }

    static final class StageAdapter extends LowerCase<Stage> {
        StageAdapter() {
            super(Stage.class);
        }
    }

    static final class DeviceRoleAdapter extends LowerCase<DeviceRole> {
        DeviceRoleAdapter() {
            super(DeviceRole.class);
        }
    }

    static final class LinkStateAdapter extends LowerCase<LinkState> {
        LinkStateAdapter() {
            super(LinkState.class);
        }
    }
}
