package dev.waymark.protocol;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void builders_produceTheDesignedTree() {
        assertThat(Topics.events("store-1", "kiosk-7")).isEqualTo("wm/v1/s/store-1/d/kiosk-7/events");
        assertThat(Topics.actions("store-1", "kiosk-7")).isEqualTo("wm/v1/s/store-1/d/kiosk-7/actions");
        assertThat(Topics.status("store-1", "kiosk-7")).isEqualTo("wm/v1/s/store-1/d/kiosk-7/status");
        assertThat(Topics.cmd("store-1", "kiosk-7")).isEqualTo("wm/v1/s/store-1/d/kiosk-7/cmd");
        assertThat(Topics.bundle("store-1")).isEqualTo("wm/v1/s/store-1/bundle");
        assertThat(Topics.link("store-1")).isEqualTo("wm/v1/s/store-1/link");
    }

    @Test
    void filters_useSingleLevelWildcards() {
        assertThat(Topics.allDevicesFilter(TopicKind.EVENTS)).isEqualTo("wm/v1/s/+/d/+/events");
        assertThat(Topics.allDevicesFilter(TopicKind.BUNDLE)).isEqualTo("wm/v1/s/+/bundle");
        assertThat(Topics.storeDevicesFilter(TopicKind.LINK, "store-1")).isEqualTo("wm/v1/s/store-1/link");
        assertThat(Topics.storeDevicesFilter(TopicKind.STATUS, "store-1")).isEqualTo("wm/v1/s/store-1/d/+/status");
        assertThat(Topics.deviceFilter("store-1", "kiosk-7")).isEqualTo("wm/v1/s/store-1/d/kiosk-7/#");
        assertThat(Topics.shared("cloud-core", TopicKind.EVENTS)).isEqualTo("$share/cloud-core/wm/v1/s/+/d/+/events");
    }

    @Test
    void parse_eachKind_returnsStoreDeviceAndKind() {
        for (TopicKind kind : TopicKind.values()) {
            String name = kind.perDevice() ? Topics.device(kind, "s1", "d1").name()
                    : new Topic(kind, "s1", Optional.empty()).name();
            Topic parsed = Topics.parse(name).orElseThrow();
            assertThat(parsed.kind()).isEqualTo(kind);
            assertThat(parsed.storeId()).isEqualTo("s1");
            assertThat(parsed.deviceId()).isEqualTo(kind.perDevice() ? Optional.of("d1") : Optional.empty());
            assertThat(parsed.name()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wm/v2/s/a/d/b/events", "wm/v1/s/a/d/b/telemetry", "wm/v1/s/a/d/b/events/x",
        "wm/v1/s/a/b/events", "wm/v1/s//d/b/events", "wm/v1/s/+/d/b/events", "wm/v1/s/a/d/#/events",
        "wm/v1/s/a/bundle/x", "wm/v1/s/a", "wm/v1/s/a/links", "wm/v1/s/a/events", "wm/v1/s/a/link/x"})
    void parse_foreignOrBrokenTopic_isRejectedNamingTopic(String topic) {
        assertThat(Topics.parse(topic).rejectionIfAny().orElseThrow().field()).isEqualTo("topic");
    }

    @Test
    void parse_null_isRejected() {
        assertThat(Topics.parse(null).isAccepted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "a#", "a/b", "a b", "a\u0000b", "k\u00e9", "a\tb", "$SYS", "a\u007fb"})
    void builders_hostileId_throwNamingTheId(String id) {
        assertThatThrownBy(() -> Topics.events("store-1", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("device id \"");
        assertThatThrownBy(() -> Topics.bundle(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("store id \"");
    }

    @Test
    void builders_emptyOrOverlongId_throw() {
        assertThatThrownBy(() -> Topics.events("", "d")).hasMessage("store id is empty");
        assertThatThrownBy(() -> Topics.events("s", "d".repeat(Limits.MAX_SEGMENT_CHARS + 1)))
                .hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> Topics.events("s", null)).hasMessage("device id is empty");
        assertThatThrownBy(() -> Topics.shared("a/b", TopicKind.EVENTS)).hasMessageStartingWith("share group");
    }

    @Property(tries = 300)
    void parse_ofBuiltTopic_roundTrips(@ForAll("ids") String store, @ForAll("ids") String device,
                                       @ForAll TopicKind kind) {
        String name = kind.perDevice() ? Topics.device(kind, store, device).name()
                : new Topic(kind, store, Optional.empty()).name();
        assertThat(Topics.parse(name).orElseThrow().name()).isEqualTo(name);
    }

    @Property(tries = 300)
    void requireSegment_idWithAForbiddenCharacter_throws(
            @ForAll @StringLength(max = 10) @Chars({'a', '1', '-'}) String head,
            @ForAll @CharRange(from = '\u0000', to = '\u00ff') char bad) {
        boolean allowed = Character.isLetterOrDigit(bad) && bad < 128 || bad == '.' || bad == '_' || bad == '-';
        if (!allowed) {
            assertThatThrownBy(() -> Topics.requireSegment("device id", head + bad))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(Topics.requireSegment("device id", head + bad)).isEqualTo(head + bad);
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("abcdefXYZ0123456789._-")
                .ofMinLength(1).ofMaxLength(Limits.MAX_SEGMENT_CHARS);
    }

    @Test
    void topicKinds_carryQosAndRetainAsDesigned() {
        assertThat(TopicKind.STATUS.retained()).isTrue();
        assertThat(TopicKind.BUNDLE.retained()).isTrue();
        assertThat(TopicKind.LINK.retained()).isTrue();
        assertThat(TopicKind.LINK.perDevice()).isFalse();
        assertThat(TopicKind.EVENTS.retained()).isFalse();
        assertThat(TopicKind.EVENTS.qos()).isEqualTo(1);
        assertThat(TopicKind.ACTIONS.qos()).isEqualTo(1);
    }
}
