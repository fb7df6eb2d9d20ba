package dev.waymark.hub.support;

import dev.waymark.hub.HubSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A hub.json for tests: ephemeral ports, the upstream child broker, small windows. */
public final class HubFixture {

    private HubFixture() {
    }

    public static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static Path hubJson(Path folder, Path keystore, int mqttPort, int upstreamPort, boolean devMode)
            throws Exception {
        return hubJson(folder, keystore, mqttPort, upstreamPort, devMode, "");
    }

    public static Path hubJson(Path folder, Path keystore, int mqttPort, int upstreamPort, boolean devMode,
                               String provisioningUrl) throws Exception {
        Path file = folder.resolve("hub.json");
        String provisioning = provisioningUrl.isEmpty() ? ""
                : "\"provisioning\": {\"url\": \"" + provisioningUrl + "\", \"pollSeconds\": 1},";
        Files.writeString(file, """
                {"store": "%s", "dataDir": "%s", "keystore": "%s", %s
                 "listen": {"host": "127.0.0.1", "port": %d},
                 "upstream": {"url": "tcp://127.0.0.1:%d"},
                 "status": {"port": 0, "publishSeconds": 2},
                 "bridge": {"window": 50, "drainPerSecond": 5000},
                 "devMode": %s, "devPort": 0}
                """.formatted(TestPki.STORE, folder.resolve("data"), keystore, provisioning, mqttPort,
                upstreamPort, devMode));
        return file;
    }

    public static HubSettings settings(Path folder, Path keystore, int upstreamPort) throws Exception {
        return HubSettings.load(hubJson(folder, keystore, 0, upstreamPort, false));
    }

    public static HubSettings settings(Path folder, Path keystore, int upstreamPort, String provisioningUrl)
            throws Exception {
        return HubSettings.load(hubJson(folder, keystore, 0, upstreamPort, false, provisioningUrl));
    }
}
