package dev.waymark.journey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads configuration shipped inside this module's jar (defaults), never files of the host. */
public final class Resources {

    private Resources() {
    }

    /**
     * The UTF-8 text of a resource next to {@code anchor}.
     *
     * @throws IllegalStateException if the resource is missing from the jar
     */
    public static String text(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing next to " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + name + " could not be read", e);
        }
    }
}
