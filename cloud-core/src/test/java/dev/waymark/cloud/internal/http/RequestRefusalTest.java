package dev.waymark.cloud.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import org.junit.jupiter.api.Test;

class RequestRefusalTest {

    @Test
    void ofBody_missingProperty_namesItInsideItsObject() {
        RequestRefusal underTest = RequestRefusal.ofBody(result("""
                {"keywordLocation": "#/properties/identifiers/items/$ref/required",
                 "instanceLocation": "#/identifiers/2",
                 "error": "Instance does not have required property \\"id\\""}"""));

        assertThat(underTest).isEqualTo(new RequestRefusal("identifiers[2].id", "is required"));
    }

    @Test
    void ofBody_prefersTheSpecificKeywordOverTheCompositeAndTheSpuriousAdditionalOne() {
        RequestRefusal underTest = RequestRefusal.ofBody(result("""
                {"keywordLocation": "#/properties", "instanceLocation": "#/state",
                 "error": "Property \\"state\\" does not match schema"}""", """
                {"keywordLocation": "#/properties/state/enum", "instanceLocation": "#/state",
                 "error": "Instance does not match any of [\\"granted\\",\\"denied\\"]"}""", """
                {"keywordLocation": "#/additionalProperties", "instanceLocation": "#/state",
                 "error": "Property \\"state\\" does not match additional properties schema"}"""));

        assertThat(underTest.field()).isEqualTo("state");
        assertThat(underTest.message()).isEqualTo("does not match any of [\"granted\",\"denied\"]");
    }

    @Test
    void ofBody_unknownProperty_isNamedAsNotKnown() {
        RequestRefusal underTest = RequestRefusal.ofBody(result("""
                {"keywordLocation": "#/additionalProperties", "instanceLocation": "#/colour",
                 "error": "Property \\"colour\\" does not match additional properties schema"}"""));

        assertThat(underTest).isEqualTo(new RequestRefusal("colour", "is not a known field"));
    }

    @Test
    void of_parameterMessages_nameTheParameter() {
        assertThat(RequestRefusal.of(new ValidatorException("The related request / response does not contain the "
                + "required query parameter limit", ValidatorErrorType.MISSING_REQUIRED_PARAMETER)))
                .isEqualTo(new RequestRefusal("limit", "is required"));
        assertThat(RequestRefusal.of(new ValidatorException("The value of path parameter id can't be decoded.",
                ValidatorErrorType.INVALID_VALUE)).field()).isEqualTo("id");
    }

    @Test
    void of_anythingElse_concernsTheBodyWithoutQuotingIt() {
        assertThat(RequestRefusal.of(new IllegalStateException("secret value x@example.com")))
                .isEqualTo(new RequestRefusal("body", "could not be read as the operation's request body"));
        assertThat(RequestRefusal.of(new ValidatorException("The related request does not contain the required body.",
                ValidatorErrorType.MISSING_REQUIRED_PARAMETER))).isEqualTo(new RequestRefusal("body", "is required"));
    }

    private static OutputUnit result(String... errors) {
        OutputUnit result = new OutputUnit(false);
        for (String error : errors) {
            result.addError(new OutputUnit(new JsonObject(error)));
        }
        return result;
    }
}
