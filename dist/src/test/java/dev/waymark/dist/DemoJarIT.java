package dev.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code waymark demo} from the packaged jar, as a newcomer runs it: every tier up, shoppers, Ctrl-C, a rerun. */
class DemoJarIT {

    private static final Path JAR = Path.of("target", "waymark.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void demo_startsEveryTier_printsStatus_stopsEveryRoleOnCtrlC_andARerunReusesTheData() throws Exception {
        Path data = dir.resolve("waymark-data");
        Path out = dir.resolve("out.txt");
        Process demo = start(out, "demo", "--stores", "1", "--kiosks", "2", "--http-port", "0", "--data-dir",
                data.toString());
        try {
            await().atMost(Duration.ofMinutes(4)).until(() -> Files.readString(out).contains("events/s"));
            assertConsoleSignsInTheAdmin(Files.readString(out), data);
        } finally {
            demo.destroy(); // SIGTERM, what Ctrl-C does
        }
        assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("the demo stopped").isTrue();
        String first = Files.readString(out);
        assertThat(first).contains("cloud core     http://127.0.0.1:", "hub store-1", "demo catalog   version",
                "your kiosk", "web console", "Stopping ...");
        assertThat(first.lines().filter(line -> line.startsWith("  kiosk store-1")).count()).isEqualTo(2);
        assertThat(childrenOf(data)).as("no role outlives the demo").isEmpty();
        String admin = new JsonObject(Files.readString(data.resolve("platform.json"))).getString("adminPassword");
        assertThat(first).as("the password is only in platform.json").doesNotContain(admin);

        Path again = dir.resolve("again.txt");
        Process rerun = start(again, "demo", "--stores", "1", "--kiosks", "2", "--http-port", "0", "--data-dir",
                data.toString(), "--duration", "5s");
        assertThat(rerun.waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(again)).isZero();
        assertThat(Files.readString(again)).contains("hub store-1", "Stopped.");
        assertThat(new JsonObject(Files.readString(data.resolve("platform.json"))).getString("adminPassword"))
                .as("the same secrets").isEqualTo(admin);
        assertThat(Files.list(data.resolve("kiosks/store-1")).count()).as("the same two kiosks").isEqualTo(2);
    }

    @Test
    void demoReset_refusesADirectoryThatIsNotAPlatformsAndDeletesNothing() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("my-files"));
        Files.writeString(mine.resolve("thesis.txt"), "do not delete");
        Path out = dir.resolve("out.txt");

        Process demo = start(out, "demo", "--reset", "--data-dir", mine.toString());

        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(1);
        assertThat(Files.readString(out)).contains("not a Waymark platform's", "choose another --data-dir");
        assertThat(mine.resolve("thesis.txt")).hasContent("do not delete");
    }

    @Test
    void demo_withAnUnusableOption_isAUsageErrorNamingIt() throws Exception {
        Path out = dir.resolve("out.txt");

        Process demo = start(out, "demo", "--stores", "0", "--data-dir", dir.resolve("d").toString());

        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(2);
        assertThat(Files.readString(out)).contains("--stores: must be 1 to 50, was 0");
    }

    /** The printed console serves its pages and signs in the admin through the cloud it proxies. */
    private static void assertConsoleSignsInTheAdmin(String printed, Path data) throws Exception {
        Matcher line = Pattern.compile("web console +(http://127\\.0\\.0\\.1:\\d+/)").matcher(printed);
        assertThat(line.find()).as(printed).isTrue();
        String password = new JsonObject(Files.readString(data.resolve("platform.json"))).getString("adminPassword");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(line.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(line.group(1) + "v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                        .put("name", "admin").put("password", password).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Set-Cookie")).get().asString().startsWith("wm_session=");
    }

    private Process start(Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
    }

    /** Processes whose command line names the data directory: the demo's cloud and hubs. */
    private static List<ProcessHandle> childrenOf(Path data) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                .filter(ProcessHandle::isAlive).toList();
    }
}
