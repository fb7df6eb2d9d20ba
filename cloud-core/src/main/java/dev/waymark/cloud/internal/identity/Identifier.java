package dev.waymark.cloud.internal.identity;

import java.util.Objects;

/**
 * One identifier of a customer: a namespace ({@code loyalty}, {@code crm}, {@code email}, {@code phone},
 * {@code cookie}, {@code app}, {@code kiosk_session}, ...) and a value. Values of PII-bearing namespaces are
 * pseudonymous tokens ({@code tok:...}) made at the edge or the collector, never raw.
 */
public record Identifier(String namespace, String value) {

    public Identifier {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(value, "value");
        if (namespace.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("identifier: namespace and value must not be blank");
        }
    }

    @Override
    public String toString() {
        return namespace + ":" + value;
    }
}
