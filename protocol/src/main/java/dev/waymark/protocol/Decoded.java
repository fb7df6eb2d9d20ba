package dev.waymark.protocol;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading untrusted input: either {@link Accepted} with the value, or {@link Rejected} with a
 * {@link Rejection} naming the field. Decoders in this module return it instead of throwing.
 *
 * @param <T> the type of the accepted value
 */
public sealed interface Decoded<T> permits Decoded.Accepted, Decoded.Rejected {

    /** An accepted input. @param value the decoded value, never null */
    record Accepted<T>(T value) implements Decoded<T> {
        /** Throws NullPointerException when value is null. */
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A refused input. @param rejection why it was refused */
    record Rejected<T>(Rejection rejection) implements Decoded<T> {
        /** Throws NullPointerException when rejection is null. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /** An accepted result. */
    static <T> Decoded<T> accepted(T value) {
        return new Accepted<>(value);
    }

    /** A rejected result. */
    static <T> Decoded<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    /** A rejected result, built from its two parts. */
    static <T> Decoded<T> rejected(String field, String reason) {
        return new Rejected<>(new Rejection(field, reason));
    }

    /** True for {@link Accepted}. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The value when accepted, else empty. */
    default Optional<T> acceptedValue() {
        return this instanceof Accepted<T> a ? Optional.of(a.value()) : Optional.empty();
    }

    /** The rejection when rejected, else empty. */
    default Optional<Rejection> rejectionIfAny() {
        return this instanceof Rejected<T> r ? Optional.of(r.rejection()) : Optional.empty();
    }

    /** The value, or IllegalArgumentException carrying the rejection's message. */
    default T orElseThrow() {
        if (this instanceof Accepted<T> a) {
            return a.value();
        }
        throw new IllegalArgumentException(((Rejected<T>) this).rejection().message());
    }

    /** Maps an accepted value; a rejection passes through unchanged. */
    default <R> Decoded<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Accepted<T> a) {
            return new Accepted<>(mapper.apply(a.value()));
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }

    /** Chains a further decoding step on an accepted value; a rejection passes through unchanged. */
    default <R> Decoded<R> flatMap(Function<? super T, Decoded<R>> mapper) {
        if (this instanceof Accepted<T> a) {
            return mapper.apply(a.value());
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }
}
