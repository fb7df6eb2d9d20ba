package dev.waymark.cloud.internal.collector;

import io.vertx.core.Future;

/**
 * Which write keys may post to the collector. Write keys are public (they ship inside web pages and apps, as
 * Segment's do), so a valid key only says which source the events belong to. The accounts part implements it.
 */
@FunctionalInterface
public interface WriteKeys {

    /** Completes with true when {@code writeKey} is a current write key; fails when that cannot be told now. */
    Future<Boolean> isValid(String writeKey);
}
