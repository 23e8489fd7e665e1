package io.lightswitch.analytics.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.specification.RequestSpecification;

/** Asserts the problem+json answers of the query API. */
public final class Problems {

    private Problems() {
    }

    /** GETs {@code path} with the query and expects a 400 that names {@code parameter}. */
    public static void assertBadParameter(String parameter, String path, Object... queryNamesAndValues) {
        RequestSpecification request = Api.admin();
        for (int i = 0; i < queryNamesAndValues.length; i += 2) {
            request = request.queryParam((String) queryNamesAndValues[i], queryNamesAndValues[i + 1]);
        }
        request.get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", startsWith(parameter + " "))
                .body("errors[0].field", equalTo(parameter));
    }

    public static void assertNotFound(String path, String detailPart) {
        Api.admin().get(path).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", containsString(detailPart));
    }

    public static RequestSpecification anonymous() {
        return given();
    }
}
