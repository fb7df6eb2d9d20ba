package dev.waymark.journey;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of loading configuration (patterns, activity mappings): the value, or every error found.
 * Loading never throws on bad input; it collects all errors so an operator can fix a file in one pass.
 *
 * @param <T> the loaded value
 * @param <E> the error type, whose {@code toString()} names where the error is
 */
public sealed interface Loaded<T, E> permits Loaded.Ok, Loaded.Rejected {

    /** True when the input was valid. */
    boolean ok();

    /**
     * The value.
     *
     * @throws IllegalArgumentException listing every error when the input was rejected
     */
    T orElseThrow();

    /** The errors; empty when the input was valid. */
    List<E> errors();

    /** A valid input. */
    record Ok<T, E>(T value) implements Loaded<T, E> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean ok() {
            return true;
        }

        @Override
        public T orElseThrow() {
            return value;
        }

        @Override
        public List<E> errors() {
            return List.of();
        }
    }

    /** A rejected input with at least one error. */
    record Rejected<T, E>(List<E> errors) implements Loaded<T, E> {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("errors: a rejection needs at least one error");
            }
        }

        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public T orElseThrow() {
            throw new IllegalArgumentException(errors.stream().map(Object::toString)
                    .collect(Collectors.joining("; ")));
        }
    }
}
