package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.testing.CrmReceiver;
import dev.waymark.cloud.testing.DataDirScan;
import dev.waymark.cloud.testing.RunningCloud;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-subject export and erasure on a whole cloud with its SQLite store: two people browse, are identified on two
 * browsers each (so profiles merge), get decisions and give consent; one is exported and erased, and then every
 * byte of every file under the data directory (databases, WAL and shared memory included) is searched for them.
 */
class SubjectRightsIT {

    @TempDir
    static Path dir;
    static CrmReceiver crm;
    static RunningCloud running;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        crm = new CrmReceiver();
        running = RunningCloud.start(dir.resolve("cloud"), new JsonObject().put("crm", crm.crmSection()));
        api = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
        crm.close();
    }

    @Test
    void erase_afterExport_leavesNoByteOfThePersonInAnyFileAndKeepsTheOther() throws Exception {
        SubjectAssertions.Erased erased = SubjectAssertions.playExportAndErase(api);

        assertThat(erased.report().getString("walCheckpoint")).isEqualTo("complete");
        assertThat(found(erased.annIdentifierValues())).as("the erased person's identifiers in any file").isEmpty();
        assertThat(found(erased.bobTraces())).as("the other person's identifiers and profile ids, still there")
                .hasSameSizeAs(erased.bobTraces());
        String audit = api.send("GET", "/v1/erasures", null, Credential.SECRET_KEY).body();
        assertThat(audit).contains(erased.report().getString("erasureId"), "consent_records");
        erased.annTraces().forEach(trace -> assertThat(audit).doesNotContain(trace));

        SubjectAssertions.returningCookieIsDroppedAndCounted(api, erased.ann().cookie());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.send("GET", "/health", null, Credential.NONE).json()
                .getJsonObject("checks").getJsonObject("eventLog").getLong("lag") == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> crm.received("profile.erased").size() == 2);
        assertThat(crm.received("profile.erased")).extracting(message -> message.getString("profileId"))
                .as("the CRM told to delete each profile of the merge family").containsExactlyInAnyOrderElementsOf(
                        erased.annProfileIds());
        // Delivered notices are swept (deleted, and the WAL checkpointed): then no trace is left.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(found(erased.annTraces())).as("any trace of the erased person")
                        .isEmpty());
        assertThat(found(erased.bobTraces())).hasSameSizeAs(erased.bobTraces());
    }

    @Test
    void exportAndErase_withoutPrivacyScopeOrWithAStoreScopedKey_areForbidden() {
        for (String key : List.of("{\"kind\": \"secret\", \"label\": \"catalog\", \"scopes\": [\"admin\", \"read\"]}",
                "{\"kind\": \"secret\", \"label\": \"one store\", \"scopes\": [\"privacy\"], "
                        + "\"stores\": [\"s1\"]}")) {
            ApiClient.Answer created = api.send("POST", "/v1/api-keys", key, Credential.SESSION);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ApiClient limited = new ApiClient(running.cloud().httpPort());
            limited.useSecretKey(created.json().getString("secret"));

            ApiClient.Answer export = limited.send("GET", "/v1/profiles/cookie/anon-x/export", null,
                    Credential.SECRET_KEY);
            ApiClient.Answer erase = limited.send("DELETE", "/v1/profiles/cookie/anon-x", null,
                    Credential.SECRET_KEY);

            assertThat(export.status()).as(export.body()).isEqualTo(403);
            assertThat(erase.status()).as(erase.body()).isEqualTo(403);
        }
    }

    private static List<String> found(List<String> traces) throws IOException {
        return DataDirScan.found(dir.resolve("cloud"), traces);
    }
}
