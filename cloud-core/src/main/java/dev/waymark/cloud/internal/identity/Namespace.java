package dev.waymark.cloud.internal.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An identifier namespace: its name, its priority (higher wins when profiles merge and when an event's profile is
 * chosen) and whether a profile may hold only one value of it ({@code crm}, {@code loyalty}).
 */
public record Namespace(String name, int priority, boolean unique) {

    /** Highest priority accepted. */
    public static final int MAX_PRIORITY = 1000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** Throws IllegalArgumentException naming the bad component. */
    public Namespace {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must be 1 to 32 of a-z, 0-9 and _, starting with a letter");
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority: must be 0 to " + MAX_PRIORITY + ", was " + priority);
        }
    }
}
