package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudCoreSmokeIT {

    @TempDir
    Path dir;

    @Test
    void start_onEmbeddedDefaults_servesHealth() throws Exception {
        Vertx vertx = Vertx.vertx();
        JsonObject config = new JsonObject().put("dataDir", dir.toString())
                .put("http", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
                .put("provisioning", new JsonObject().put("port", 0))
                .put("gateway", new JsonObject().put("port", 0));
        Map<String, String> env = Map.of("WM_ADMIN_PASSWORD", "correct-horse-battery");
        CloudCore cloud = CloudCore.start(vertx, CloudSettings.from(config, dir), env::get, Clock.systemUTC())
                .await(120, TimeUnit.SECONDS);
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + cloud.httpPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(health.statusCode() + " " + health.body());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            cloud.stop().await(60, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
