package dev.waymark.dist.internal.bench;

import java.time.Duration;

/**
 * When each capture of a bench run is due, on which kiosk, and whether it is a touch that expects an action. Capture
 * {@code i} is due {@code i / rate} seconds after the start and goes to kiosk {@code i mod kiosks}, so every kiosk
 * gets {@code rate / kiosks} captures a second. A kiosk's own captures are touches at the share asked, evenly
 * spaced, and the kiosks' touches are phase-shifted against each other, so touches do not arrive in bursts.
 */
final class CaptureSchedule {

    /** One capture: its index, its kiosk, whether it is a touch, and its due time after the start. */
    record Slot(long index, int kiosk, boolean touch, long dueNanos) {
    }

    private final int kiosks;
    private final int rate;
    private final double touchShare;

    /** Throws IllegalArgumentException for no kiosks, a rate below 1 or a share outside (0, 1]. */
    CaptureSchedule(int kiosks, int rate, double touchShare) {
        if (kiosks < 1) {
            throw new IllegalArgumentException("kiosks: must be at least 1");
        }
        if (rate < 1) {
            throw new IllegalArgumentException("rate: must be at least 1 a second");
        }
        if (!(touchShare > 0 && touchShare <= 1)) {
            throw new IllegalArgumentException("touch share: must be more than 0 and at most 1");
        }
        this.kiosks = kiosks;
        this.rate = rate;
        this.touchShare = touchShare;
    }

    /** How many captures are due within {@code duration}. */
    long captures(Duration duration) {
        return duration.toNanos() * rate / 1_000_000_000L;
    }

    /** The {@code index}-th capture. */
    Slot slot(long index) {
        int kiosk = (int) (index % kiosks);
        long ofKiosk = index / kiosks;
        // Kiosk k's touches are shifted by k of its own captures, so the kiosks take turns touching.
        long shifted = ofKiosk - kiosk;
        boolean touch = Math.floor((shifted + 1) * touchShare) > Math.floor(shifted * touchShare);
        return new Slot(index, kiosk, touch, index * 1_000_000_000L / rate);
    }
}
