package io.lightswitch.analytics.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls to the query API with the bootstrap admin token, answers read as JSON trees. */
public final class Api {

    public static final String BOOTSTRAP_TOKEN = "dev-admin-token";

    private Api() {
    }

    /** A project key no other test uses, since every test class shares the database. */
    public static String uniqueProject(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + BOOTSTRAP_TOKEN);
    }

    /** GETs a path, expects 200, returns the body. */
    public static JsonNode get(String path, Object... queryNamesAndValues) {
        RequestSpecification request = admin();
        for (int i = 0; i < queryNamesAndValues.length; i += 2) {
            request = request.queryParam((String) queryNamesAndValues[i], queryNamesAndValues[i + 1]);
        }
        Response response = request.get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.asString());
        }
        return json(response);
    }

    public static JsonNode json(Response response) {
        try {
            return MessageCodec.mapper().readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.asString(), e);
        }
    }

    /** The element of an array whose {@code field} is {@code value}. */
    public static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
