package dev.waymark.hub.support;

import dev.waymark.protocol.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A kiosk publishing numbered batches one after another, recording what the hub acknowledged and refused. */
public final class SteadyKiosk implements AutoCloseable {

    public static final int EVENTS_PER_BATCH = 5;

    private final Kiosk kiosk;
    private final String deviceId;
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Integer> refusals = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public SteadyKiosk(Kiosk kiosk, String deviceId, int batches) {
        this.kiosk = kiosk;
        this.deviceId = deviceId;
        this.thread = new Thread(() -> run(batches), "steady-" + deviceId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int batches) {
        String topic = Topics.events(TestPki.STORE, deviceId);
        for (int i = 0; i < batches && running.get(); i++) {
            long first = (long) i * EVENTS_PER_BATCH;
            try {
                int code = kiosk.publish(topic, Events.batch(TestPki.STORE, deviceId, first, EVENTS_PER_BATCH), false);
                if (code < 0x80) {
                    for (int e = 0; e < EVENTS_PER_BATCH; e++) {
                        acknowledged.add(first + e);
                    }
                } else {
                    refusals.add(code);
                }
            } catch (Exception e) {
                return; // the hub is gone: what was acknowledged so far is the promise under test
            }
        }
    }

    public String deviceId() {
        return deviceId;
    }

    /** Sequences of events whose batch got a PUBACK below 0x80. */
    public List<Long> acknowledged() {
        return acknowledged;
    }

    public List<Integer> refusals() {
        return refusals;
    }

    /** Waits until the kiosk stopped on its own (all batches sent, or the hub went away). */
    public void awaitDone() throws InterruptedException {
        thread.join(120_000);
    }

    /** Stops after the publish in progress and waits for it. */
    public void stopPublishing() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(15_000);
        kiosk.close();
    }
}
