package dev.waymark.cloud;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks answers of a running cloud against the packaged contract: documented status, response schema. */
final class ContractCheck {

    private final OpenAPIContract contract;
    private final ResponseValidator responses;

    private ContractCheck(Vertx vertx, OpenAPIContract contract) {
        this.contract = contract;
        this.responses = ResponseValidator.create(vertx, contract);
    }

    /** Loads the contract the server enforces ({@code api/openapi.yaml} on the classpath). */
    static ContractCheck load(Vertx vertx) {
        return new ContractCheck(vertx, OpenAPIContract.from(vertx, "api/openapi.yaml").await());
    }

    /** Every operation id of the contract. */
    List<String> operationIds() {
        return contract.operations().stream().map(Operation::getOperationId).toList();
    }

    /** {@code METHOD /path} of an operation, as the contract writes the path. */
    String describe(String operationId) {
        Operation operation = contract.operation(operationId);
        return operation.getHttpMethod().name() + " " + operation.getOpenAPIPath();
    }

    /** The operation for a concrete method and path, if the contract describes one. */
    Optional<Operation> operation(String method, String path) {
        return Optional.ofNullable(contract.findOperation(path, io.vertx.core.http.HttpMethod.valueOf(method)));
    }

    /** What is wrong with {@code answer} as an answer of {@code operationId}; empty when nothing is. */
    Optional<String> problem(String operationId, ApiClient.Answer answer) {
        Operation operation = contract.operation(operationId);
        if (answer.offContract()) {
            return Optional.of("the contract's 404 (no operation for the request): " + answer.body());
        }
        Response documented = operation.getResponse(answer.status());
        if (documented == null && operation.getDefaultResponse() == null) {
            return Optional.of("status " + answer.status() + " is not documented: " + shorten(answer.body()));
        }
        Response response = documented == null ? operation.getDefaultResponse() : documented;
        if (response.getContent().isEmpty()) {
            return Optional.empty();
        }
        if (!response.getContent().containsKey(answer.mediaType())) {
            return Optional.of(answer.status() + " answered " + answer.mediaType() + ", documented are "
                    + response.getContent().keySet());
        }
        if (!answer.mediaType().equals("application/json")) {
            // vertx-openapi 5.0.8 validates JSON bodies only: it hands a text body to the schema as a Buffer.
            return Optional.empty();
        }
        ValidatableResponse validatable = ValidatableResponse.create(answer.status(), Buffer.buffer(answer.body()),
                answer.mediaType());
        try {
            responses.validate(validatable, operationId).await();
            return Optional.empty();
        } catch (SchemaValidationException e) {
            return Optional.of(answer.status() + " body does not match the schema: " + errors(e.getOutputUnit())
                    + " in " + shorten(answer.body()));
        } catch (RuntimeException e) {
            return Optional.of(answer.status() + " " + answer.mediaType() + ": " + e.getMessage());
        }
    }

    private static String errors(OutputUnit unit) {
        List<String> found = new ArrayList<>();
        collect(unit, found);
        return String.join("; ", found.stream().distinct().limit(8).toList());
    }

    private static void collect(OutputUnit unit, List<String> found) {
        if (unit == null) {
            return;
        }
        if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
            if (unit.getError() != null) {
                found.add(unit.getInstanceLocation() + " " + unit.getKeywordLocation() + ": " + unit.getError());
            }
            return;
        }
        unit.getErrors().forEach(error -> collect(error, found));
    }

    static String shorten(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
