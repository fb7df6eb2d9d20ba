package dev.waymark.dist.internal.cloud;

import dev.waymark.cloud.CloudCore;
import dev.waymark.cloud.CloudSettings;
import java.io.PrintWriter;

/** What {@code waymark cloud} prints once started: a line per listener, and what to do next. */
final class CloudBanner {

    private final PrintWriter out;

    CloudBanner(PrintWriter out) {
        this.out = out;
    }

    void print(CloudCore cloud, CloudSettings settings) {
        String host = settings.httpHost().equals("0.0.0.0") ? "localhost" : settings.httpHost();
        out.printf("Cloud core, data in %s%n", settings.dataDir());
        out.printf("  API            http://%s:%d/v1/  (health: /health, metrics: /metrics)%n", host,
                cloud.httpPort());
        out.printf("  enrollment     https://localhost:%d/provisioning/v1  (device CA %s)%n",
                cloud.provisioningPort(), cloud.caFingerprint());
        cloud.gatewayPort().ifPresent(port -> out.printf("  hub gateway    ssl://localhost:%d  (MQTT 5, hub "
                + "certificates only)%n", port));
        cloud.generatedAdminPassword().ifPresent(password -> out.printf("  first start: user 'admin', password "
                + "%s  (shown once; set WM_ADMIN_PASSWORD to choose it)%n", password));
        if (cloud.devSecrets()) {
            out.println("  dev secrets: keystore passwords were generated into the data directory; for production "
                    + "set WM_CA_PASSWORD and WM_KEYSTORE_PASSWORD (docs/operations.md)");
        }
        out.flush();
    }
}
