package dev.waymark.hub.support;

import dev.waymark.hub.HubSettings;
import dev.waymark.hub.StoreHub;
import java.nio.file.Path;

/** A hub in its own JVM, from a hub.json ({@code args[0]}): what the SIGKILL test kills. */
public final class HubProcessMain {

    private HubProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        StoreHub hub = StoreHub.start(HubSettings.load(Path.of(args[0])), TestPki.PASSWORD.toCharArray());
        System.out.println("READY " + hub.mqttPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
        hub.close();
        System.exit(0);
    }
}
