package io.lightswitch.flag.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives the admin API the way a person with the bootstrap token would, for test set-up. */
public final class AdminApi {

    public static final String ADMIN_TOKEN = "dev-admin-token";

    private AdminApi() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a project with the given environments and returns the issued keys. */
    public static TestProject createProject(String prefix, String... environments) {
        String key = uniqueKey(prefix);
        JsonPath body = admin().body(Map.of("key", key, "name", "Project " + key, "environments", List.of(environments)))
                .post("/api/v1/projects").then().statusCode(201).extract().jsonPath();
        return new TestProject(key, body);
    }

    public static void createBooleanFlag(String project, String flag, boolean clientVisible) {
        admin().body(Map.of("key", flag, "name", "Flag " + flag, "type", "boolean", "clientVisible", clientVisible))
                .post("/api/v1/projects/{p}/flags", project).then().statusCode(201);
    }

    public static void setEnabled(String project, String flag, String environment, boolean enabled) {
        admin().body(Map.of("enabled", enabled))
                .put("/api/v1/projects/{p}/flags/{f}/environments/{e}/enabled", project, flag, environment)
                .then().statusCode(200);
    }

    public static void putState(String project, String flag, String environment, Map<String, Object> state) {
        admin().body(state).put("/api/v1/projects/{p}/flags/{f}/environments/{e}", project, flag, environment)
                .then().statusCode(200);
    }

    public record TestProject(String key, JsonPath created) {
        public String secret(String environment, String kind) {
            return created.getString("environments.find { it.key == '" + environment + "' }.keys.find { it.kind == '"
                    + kind + "' }.secret");
        }
    }
}
