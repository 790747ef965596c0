package org.a4p.app;

import java.util.function.Function;

/** What a use case returns: its result, or an expected {@link Failure}. */
public sealed interface Outcome<T> {

    record Ok<T>(T value) implements Outcome<T> {}

    record Failed<T>(Failure failure) implements Outcome<T> {}

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(Failure failure) {
        return new Failed<>(failure);
    }

    /** The value, or the exception that the edge makes of the failure. */
    default T orElseThrow(Function<Failure, ? extends RuntimeException> toException) {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw toException.apply(((Failed<T>) this).failure());
    }
}
