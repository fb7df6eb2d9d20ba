package dev.waymark.cloud.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Checks the rules every operation of {@code docs/api/openapi.yaml} must follow, and that it is the packaged one. */
class OpenApiDocumentTest {

    /** Operations anyone may call: sign-in and the health probes. */
    private static final Set<String> OPEN = Set.of("signIn", "getHealth", "getReadiness", "getLiveness");
    /** Operations that cannot refuse a request: the health probes. */
    private static final Set<String> NEVER_REFUSING = Set.of("getHealth", "getReadiness", "getLiveness");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Path DOCUMENT = Path.of("..", "docs", "api", "openapi.yaml");

    static Map<String, Object> underTest;
    static List<Operation> operations;

    record Operation(String path, String method, Map<String, Object> model) {
        String id() {
            return String.valueOf(model.get("operationId"));
        }
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        underTest = new Yaml().load(Files.readString(DOCUMENT));
        operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) underTest.get("paths")).forEach((path, item) -> item.forEach(
                (method, model) -> {
                    if (METHODS.contains(method)) {
                        operations.add(new Operation(path, method, (Map<String, Object>) model));
                    }
                }));
    }

    @Test
    void document_isOpenApi31WithItsSecuritySchemes() {
        assertThat(underTest.get("openapi")).isEqualTo("3.1.0");
        assertThat(operations).hasSizeGreaterThan(35);
        assertThat(schemes()).containsOnlyKeys("writeKey", "secretKey", "session", "csrfToken", "crmSignature",
                "crmTimestamp");
    }

    @Test
    void everyOperation_hasAUniqueOperationIdAndATag() {
        Set<String> seen = new HashSet<>();
        for (Operation operation : operations) {
            assertThat(operation.model().get("operationId")).as(operation.path() + " " + operation.method())
                    .isInstanceOf(String.class);
            assertThat(seen.add(operation.id())).as("duplicate " + operation.id()).isTrue();
            assertThat((List<?>) operation.model().get("tags")).as(operation.id()).isNotEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationButSignInAndHealth_requiresCredentialsOfADeclaredScheme() {
        for (Operation operation : operations) {
            List<Map<String, Object>> security = (List<Map<String, Object>>) operation.model().get("security");
            assertThat(security).as(operation.id() + " states its security").isNotNull();
            if (OPEN.contains(operation.id())) {
                assertThat(security).as(operation.id()).isEmpty();
                continue;
            }
            assertThat(security).as(operation.id()).isNotEmpty().allSatisfy(requirement ->
                    assertThat(requirement).isNotEmpty().allSatisfy((name, scopes) ->
                            assertThat(schemes()).containsKey(name)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretKeyOperations_nameTheirScopeAndUnsafeSessionOnesNeedTheCsrfToken() {
        Set<String> scopes = Set.of("track", "decide", "read", "consent", "admin", "accounts", "devices",
                "privacy");
        for (Operation operation : operations) {
            for (Map<String, Object> requirement : (List<Map<String, Object>>) operation.model().get("security")) {
                if (requirement.containsKey("secretKey")) {
                    assertThat((List<String>) requirement.get("secretKey")).as(operation.id()).hasSize(1)
                            .allMatch(scopes::contains)
                            .containsExactly((String) operation.model().get("x-waymark-scope"));
                }
                if (requirement.containsKey("session") && !operation.method().equals("get")) {
                    assertThat(requirement).as(operation.id()).containsKey("csrfToken");
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationThatCanRefuse_documentsItsClientErrors() {
        for (Operation operation : operations) {
            Map<String, Object> responses = (Map<String, Object>) operation.model().get("responses");
            assertThat(responses).as(operation.id()).isNotEmpty();
            if (!NEVER_REFUSING.contains(operation.id())) {
                assertThat(responses.keySet()).as(operation.id() + " 4xx").anyMatch(status -> status.startsWith("4"));
            }
            if (operation.model().containsKey("requestBody")) {
                assertThat(responses.keySet()).as(operation.id() + " 400").contains("400");
                assertThat(operation.model().get(BodyLimits.LIMIT_KEY)).as(operation.id() + " body limit")
                        .isInstanceOf(Integer.class);
            }
        }
    }

    @Test
    void everyPath_isUnderV1OrAnOpenProbeOrMetrics() {
        assertThat(operations).allSatisfy(operation -> assertThat(operation.path())
                .matches("/v1/.+|/health(/live|/ready)?|/metrics"));
    }

    @Test
    void packagedContract_isTheDocumentItself() throws Exception {
        try (InputStream packaged = getClass().getClassLoader().getResourceAsStream(ApiContract.LOCATION)) {
            assertThat(packaged).as(ApiContract.LOCATION + " on the classpath").isNotNull();
            assertThat(packaged.readAllBytes()).isEqualTo(Files.readAllBytes(DOCUMENT));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemes() {
        return (Map<String, Object>) ((Map<String, Object>) underTest.get("components")).get("securitySchemes");
    }
}
