package io.lightswitch.workflow.support;

import static io.lightswitch.workflow.support.Api.admin;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Reads incidents through the API, waiting where the service works asynchronously. */
public final class Incidents {

    private Incidents() {
    }

    public static List<Map<String, Object>> of(String project, String flagKey) {
        return admin().queryParam("flag", flagKey).get("/api/v1/projects/{p}/incidents", project)
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    /** Waits for the first incident on the flag and returns it with its actions. */
    public static JsonPath awaitOne(String project, String flagKey) {
        List<Map<String, Object>> found = Awaitility.await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> of(project, flagKey), list -> !list.isEmpty());
        return detail(project, (String) found.get(0).get("id"));
    }

    public static JsonPath detail(String project, String id) {
        return admin().get("/api/v1/projects/{p}/incidents/{id}", project, id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** Waits until the incident's detail satisfies the condition, and returns it. */
    public static JsonPath awaitDetail(String project, String id, Predicate<JsonPath> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> detail(project, id), condition);
    }
}
