package dev.waymark.cloud.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class NamespacesTest {

    @Test
    void defaults_haveTheDocumentedPrioritiesAndUniqueness() {
        Namespaces underTest = Namespaces.defaults();

        assertThat(underTest.all()).containsExactly(new Namespace("crm", 100, true),
                new Namespace("loyalty", 90, true), new Namespace("email", 70, false),
                new Namespace("phone", 60, false), new Namespace("app", 50, false),
                new Namespace("cookie", 30, false), new Namespace("kiosk_session", 10, false));
    }

    @Test
    void fromSettings_overridesAndAddsNamespaces() {
        Namespaces underTest = Namespaces.fromSettings(new JsonObject()
                .put("email", new JsonObject().put("unique", true))
                .put("member", new JsonObject().put("priority", 95).put("unique", true)));

        assertThat(underTest.require("email")).isEqualTo(new Namespace("email", 70, true));
        assertThat(underTest.require("member")).isEqualTo(new Namespace("member", 95, true));
    }

    @Test
    void fromSettings_malformedEntries_areRejectedNamingTheKey() {
        assertThatThrownBy(() -> Namespaces.fromSettings(new JsonObject().put("crm", 5)))
                .hasMessageStartingWith("identity.namespaces.crm:");
        assertThatThrownBy(() -> Namespaces.fromSettings(new JsonObject()
                .put("crm", new JsonObject().put("priority", "high"))))
                .hasMessageStartingWith("identity.namespaces.crm.priority:");
        assertThatThrownBy(() -> Namespaces.fromSettings(new JsonObject()
                .put("crm", new JsonObject().put("priority", 5000))))
                .hasMessageStartingWith("identity.namespaces.crm.priority:");
        assertThatThrownBy(() -> Namespaces.fromSettings(new JsonObject()
                .put("crm", new JsonObject().put("prio", 5))))
                .hasMessageStartingWith("identity.namespaces.crm.prio: unknown setting");
        assertThatThrownBy(() -> Namespaces.fromSettings(new JsonObject().put("new", new JsonObject())))
                .hasMessageStartingWith("identity.namespaces.new.priority:");
        assertThatThrownBy(() -> Namespaces.fromSettings(new JsonObject()
                .put("Bad Name", new JsonObject().put("priority", 1))))
                .hasMessageStartingWith("identity.namespaces.Bad Name: name:");
    }

    @Test
    void require_unknownNamespace_namesIt() {
        assertThatThrownBy(() -> Namespaces.defaults().require("passport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("identifiers: unknown namespace 'passport'");
    }
}
