package dev.waymark.protocol;

import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.Search;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    @Test
    void all_coversTheIssueListWithUniqueNames() {
        Set<String> names = EventCatalog.all().stream().map(EventType::name).collect(Collectors.toSet());

        assertThat(names).hasSize(EventCatalog.all().size()).contains("wm.kiosk.session_start",
                "wm.kiosk.session_end", "wm.kiosk.screen_view", "wm.kiosk.product_view", "wm.kiosk.search",
                "wm.kiosk.cart_add", "wm.kiosk.cart_remove", "wm.kiosk.checkout_start", "wm.kiosk.purchase",
                "wm.kiosk.service_request", "wm.kiosk.loyalty_scan", "wm.kiosk.consent_update", "wm.kiosk.feedback",
                "wm.outcome.impression", "wm.outcome.accept", "wm.outcome.dismiss", "wm.outcome.convert",
                "wm.device.status", "wm.device.heartbeat", "wm.web.track", "wm.web.page", "wm.web.screen",
                "wm.web.identify", "wm.web.alias");
        assertThat(Samples.payloads()).hasSameSizeAs(EventCatalog.all());
    }

    @Test
    void findAndOf_agree() {
        for (EventType type : EventCatalog.all()) {
            assertThat(EventCatalog.find(type.name())).contains(type);
            assertThat(EventCatalog.of(type.payloadClass())).isEqualTo(type);
        }
        assertThat(EventCatalog.find("wm.kiosk.nope")).isEmpty();
        assertThat(EventCatalog.find(null)).isEmpty();
        assertThatThrownBy(() -> EventCatalog.of(Payload.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void personalFields_nameRealPropertiesOfTheirPayload() {
        for (EventType type : EventCatalog.all()) {
            for (String path : type.personalFields().keySet()) {
                String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
                RecordComponent component = Arrays.stream(type.payloadClass().getRecordComponents())
                        .filter(c -> c.getName().equals(top)).findFirst()
                        .orElseThrow(() -> new AssertionError(type.name() + " has no field " + top));
                if (path.contains(".")) {
                    assertThat(component.getType()).as(path).isEqualTo(JsonObject.class);
                }
            }
        }
    }

    @Test
    void freeTextFields_areOptionalSoMaskingCanDropThem() {
        for (EventType type : EventCatalog.all()) {
            type.personalFields().forEach((path, kind) -> {
                if (kind == PersonalData.FREE_TEXT) {
                    Type javaType = Arrays.stream(type.payloadClass().getRecordComponents())
                            .filter(c -> c.getName().equals(path)).findFirst().orElseThrow().getGenericType();
                    assertThat(javaType).as(type.name() + " " + path).isInstanceOf(ParameterizedType.class);
                    assertThat(((ParameterizedType) javaType).getRawType()).isEqualTo(Optional.class);
                }
            });
        }
    }

    @Test
    void entries_carryVersionsAndSchemas() {
        assertThat(EventCatalog.of(CartAdd.class).dataschema()).isEqualTo("wm:schema/wm.kiosk.cart_add/2");
        assertThat(EventCatalog.of(Search.class).personalFields()).containsEntry("query", PersonalData.FREE_TEXT);
        assertThat(EventCatalog.find("wm.web.identify").orElseThrow().personalFields())
                .containsEntry("traits.email", PersonalData.EMAIL).containsEntry("traits.phone", PersonalData.PHONE);
        assertThat(EventCatalog.find("wm.web.track").orElseThrow().area()).isEqualTo("web");
    }
}
