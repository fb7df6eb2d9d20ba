package dev.waymark.edge.internal;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Draws pseudonymous kiosk session ids: 80 random bits, so two sessions cannot be linked by their ids. */
final class SessionIds {

    private final RandomGenerator random;

    SessionIds(RandomGenerator random) {
        this.random = random;
    }

    synchronized String next() {
        byte[] bytes = new byte[10];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return "ks-" + HexFormat.of().formatHex(bytes);
    }
}
