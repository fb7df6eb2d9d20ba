package dev.waymark.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeptExplanationsTest {

    @Test
    void keep_beyondCapacity_forgetsTheOldestFirst() {
        KeptExplanations underTest = new KeptExplanations(2);
        underTest.keep("edge-1", "{\"n\":1}");
        underTest.keep("edge-2", "{\"n\":2}");
        underTest.find("edge-1");
        underTest.keep("edge-3", "{\"n\":3}");
        assertThat(underTest.find("edge-1")).isEmpty();
        assertThat(underTest.find("edge-2")).contains("{\"n\":2}");
        assertThat(underTest.find("edge-3")).contains("{\"n\":3}");
    }

    @Test
    void create_withoutRoom_isRefused() {
        assertThatThrownBy(() -> new KeptExplanations(0)).hasMessage("capacity: must be positive, was 0");
    }

    @Test
    void percentEncoded_keepsAnIdOnePathSegment() {
        assertThat(ExplanationRoute.percentEncoded("d-1.a_b~c")).isEqualTo("d-1.a_b~c");
        assertThat(ExplanationRoute.percentEncoded("a/b c?#ü")).isEqualTo("a%2Fb%20c%3F%23%C3%BC");
    }
}
