package dev.waymark.cloud.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void of_pointerWithIndexes_becomesDottedNameWithBrackets() {
        assertThat(FieldPath.of("#/identifiers/0/namespace")).isEqualTo("identifiers[0].namespace");
        assertThat(FieldPath.of("/batch/12/traits/email")).isEqualTo("batch[12].traits.email");
    }

    @Test
    void of_rootOrAbsent_isTheBody() {
        assertThat(FieldPath.of("#")).isEqualTo("body");
        assertThat(FieldPath.of("")).isEqualTo("body");
        assertThat(FieldPath.of(null)).isEqualTo("body");
        assertThat(FieldPath.of("/0")).isEqualTo("body[0]");
    }

    @Test
    void of_escapedTokens_areUnescaped() {
        assertThat(FieldPath.of("/context/a~1b/c~0d")).isEqualTo("context.a/b.c~d");
    }
}
