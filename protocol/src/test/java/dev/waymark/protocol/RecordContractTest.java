package dev.waymark.protocol;

import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.Candidate;
import dev.waymark.protocol.action.Decision;
import dev.waymark.protocol.action.DecisionBundle;
import dev.waymark.protocol.action.Score;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.StoreLink;
import dev.waymark.protocol.event.LineItem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The equals/hashCode contract of every value record: equal exactly when every component is equal, equal values
 * share a hash code, reflexive, symmetric, never equal to null or another type.
 */
class RecordContractTest {

    @Property(tries = 400)
    void equals_holdsExactlyWhenAllComponentsAreEqual(@ForAll("pairs") Object[] pair) throws Exception {
        Object a = pair[0];
        Object b = pair[1];
        Object aCopy = copyOf(a);

        assertThat(a).isEqualTo(a).isEqualTo(aCopy).hasSameHashCodeAs(aCopy).isNotEqualTo(null)
                .isNotEqualTo(new Object());
        assertThat(a.equals(b)).isEqualTo(b.equals(a)).isEqualTo(componentsEqual(a, b));
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
    }

    @Provide
    Arbitrary<Object[]> pairs() {
        List<Class<?>> types = new ArrayList<>();
        EventCatalog.all().forEach(t -> types.add(t.payloadClass()));
        types.addAll(List.of(LineItem.class, Action.class, Decision.class, Candidate.class, Score.class,
                DecisionBundle.class, DeviceConfig.class, StoreLink.class, CloudEvent.class));
        return Arbitraries.of(types).flatMap(type -> {
            Arbitrary<?> values = type == CloudEvent.class ? new CodecProperties().events()
                    : RecordArbitraries.of(type);
            // Half the pairs share a value, so the equal branch is exercised as often as the unequal one.
            return Arbitraries.oneOf(values.map(v -> new Object[] {v, v}),
                    values.tuple2().map(t -> new Object[] {t.get1(), t.get2()}));
        });
    }

    private static boolean componentsEqual(Object a, Object b) throws Exception {
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                return false;
            }
        }
        return true;
    }

    private static Object copyOf(Object value) throws Exception {
        RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].getAccessor().invoke(value);
            types[i] = components[i].getType();
        }
        return value.getClass().getDeclaredConstructor(types).newInstance(args);
    }
}
