package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.ApiClient.Answer;
import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.ValidRequests.Kind;
import dev.waymark.cloud.ValidRequests.Step;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API contract ({@code docs/api/openapi.yaml}) against one whole running cloud: every operation answers a valid
 * request with a documented status and body, every route a part mounts under {@code /v1/} is described, and
 * invalid input gets 400 naming the field.
 */
class ApiConformanceIT {

    private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The error codes the contract's {@code Error} schema lists. */
    private static final Set<String> ERROR_CODES = Set.of("invalid", "malformed", "unauthenticated", "forbidden",
            "csrf", "not_found", "conflict", "rejected", "busy", "unavailable", "internal");

    /** Operations whose valid request finds nothing to act on here (no hub reported, no dead letter). */
    private static final Set<String> NOT_FOUND_IS_VALID = Set.of("listStoreDevices", "crmReplay");

    @TempDir
    static Path dir;
    static Vertx vertx;
    static CloudCore underTest;
    static ApiClient client;
    static ContractCheck contract;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        JsonObject config = new JsonObject().put("dataDir", dir.toString())
                .put("http", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
                .put("provisioning", new JsonObject().put("port", 0))
                .put("gateway", new JsonObject().put("port", 0))
                .put("accounts", new JsonObject().put("secureCookie", false))
                .put("crm", new JsonObject().put("inboundSecret", ValidRequests.CRM_SECRET));
        Map<String, String> env = Map.of("WM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        underTest = CloudCore.start(vertx, CloudSettings.from(config, dir), env::get, Clock.systemUTC())
                .await(120, TimeUnit.SECONDS);
        contract = ContractCheck.load(vertx);
        client = ApiClient.asAdmin(underTest.httpPort(), ADMIN_PASSWORD);
        client.useCrmSecret(ValidRequests.CRM_SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        if (underTest != null) {
            underTest.stop().await(60, TimeUnit.SECONDS);
        }
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void everyOperation_validRequest_answersSuccessWithADocumentedStatusAndBody() {
        List<Step> steps = ValidRequests.all(ADMIN_PASSWORD);
        assertThat(steps.stream().map(Step::operationId).toList()).as("a valid request per operation")
                .containsExactlyInAnyOrderElementsOf(contract.operationIds());
        Map<String, String> memory = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Step step : steps) {
            Answer answer = run(step, memory);
            Optional<String> problem = contract.problem(step.operationId(), answer);
            if (problem.isEmpty() && (answer.status() < 200 || answer.status() > 299)
                    && !NOT_FOUND_IS_VALID.contains(step.operationId())) {
                problem = Optional.of("a valid request was refused: " + answer.status() + " " + answer.body());
            }
            problem.ifPresent(text -> problems.add(step.operationId() + " (" + step.method() + " "
                    + recall(step.path(), memory) + "): " + text));
            remember(step, answer, memory);
        }
        assertThat(problems).as("operations whose answers disagree with the contract").isEmpty();
    }

    @Test
    void everyRouteUnderV1_isDescribedByTheContract() {
        List<String> undescribed = new ArrayList<>();
        for (String route : mountedRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[A-Za-z]+}", "sample-1");
            Answer answer = method.equals("GET") ? client.openAndClose(path, Credential.SECRET_KEY)
                    : client.send(method, path, null, Credential.SECRET_KEY);
            if (contract.operation(method, path).isEmpty() || answer.offContract()) {
                undescribed.add(route + " -> " + answer.status());
            }
        }
        assertThat(mountedRoutes()).as("routes under /v1/").hasSizeGreaterThan(30);
        assertThat(undescribed).as("mounted routes the contract does not describe").isEmpty();
    }

    @Test
    void everyOperationUnderV1_hasAMountedRoute() {
        Set<String> mounted = mountedRoutes();
        List<String> unrouted = contract.operationIds().stream()
                .map(id -> contract.describe(id))
                .filter(route -> route.contains(" /v1/") && !mounted.contains(route))
                .toList();

        assertThat(unrouted).as("operations no part serves").isEmpty();
    }

    @Test
    void invalidRequests_ofEveryArea_refusedNamingTheFieldAndTheCloudKeepsServing() {
        List<String> problems = new ArrayList<>();
        for (InvalidRequests.Refused refused : InvalidRequests.all()) {
            Answer answer = refused.method().equals("GET")
                    ? client.send("GET", refused.path(), null, refused.credential())
                    : client.send(refused.method(), refused.path(), refused.body(), refused.credential());
            String request = refused.method() + " " + ContractCheck.shorten(refused.path()) + " "
                    + ContractCheck.shorten(String.valueOf(refused.body())) + ": ";
            if (answer.status() != refused.status() || !isError(answer, refused.field())) {
                problems.add(request + "expected " + refused.status() + " naming '" + refused.field() + "', got "
                        + answer.status() + " " + ContractCheck.shorten(answer.body()));
            }
            String path = refused.path().replaceFirst("\\?.*", "");
            contract.operation(refused.method(), path)
                    .flatMap(operation -> contract.problem(operation.getOperationId(), answer))
                    .ifPresent(text -> problems.add(request + text));
        }

        assertThat(problems).as("refusals without the status, the error shape or the field").isEmpty();
        assertThat(client.send("GET", "/health/live", null, Credential.NONE).status()).isEqualTo(200);
        assertThat(client.send("GET", "/v1/catalog/policies", null, Credential.SECRET_KEY).status()).isEqualTo(200);
    }

    /** True for the API's error shape {@code {error, message, field?}} naming {@code field} ("" for none). */
    private static boolean isError(Answer answer, String field) {
        try {
            JsonObject json = answer.json();
            return ERROR_CODES.contains(json.getValue("error")) && json.getValue("message") instanceof String
                    && (field.isEmpty() || field.equals(json.getValue("field")));
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static Answer run(Step step, Map<String, String> memory) {
        String path = recall(step.path(), memory);
        String body = step.body() == null ? null : recall(step.body(), memory);
        return switch (step.kind()) {
            case PLAIN -> client.send(step.method(), path, body, step.credential());
            case STREAM -> client.openAndClose(path, step.credential());
            case UNTIL_FOUND -> Awaitility.await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.send(step.method(), path, body, step.credential()),
                            answer -> answer.status() == 200);
            case SIGN_IN -> {
                Answer answer = client.send(step.method(), path, body, step.credential());
                if (answer.status() == 200) {
                    client.useSession(answer);
                }
                yield answer;
            }
        };
    }

    /** Every {@code METHOD /v1/path} a part mounted, in the contract's {@code {param}} notation. */
    private static Set<String> mountedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Route route : underTest.runtime().apiRoutes()) {
            String path = route.getPath();
            if (path == null || !path.startsWith("/v1/") || route.methods() == null) {
                continue;
            }
            for (HttpMethod method : route.methods()) {
                if (METHODS.contains(method.name())) {
                    routes.add(method.name() + " " + path.replaceAll(":([A-Za-z]+)", "{$1}"));
                }
            }
        }
        return routes;
    }

    private static String recall(String text, Map<String, String> memory) {
        String out = text;
        for (Map.Entry<String, String> entry : memory.entrySet()) {
            out = out.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        assertThat(out).as("every ${...} of " + text + " was remembered").doesNotContain("${");
        return out;
    }

    private static void remember(Step step, Answer answer, Map<String, String> memory) {
        step.remember().forEach((name, path) -> {
            Object value = answer.status() / 100 == 2 ? JsonPath.of(answer.json(), path) : null;
            assertThat(value).as(step.operationId() + " answered " + path + ": " + answer.body()).isNotNull();
            memory.put(name, value instanceof String text ? text : io.vertx.core.json.Json.encode(value));
        });
    }
}
