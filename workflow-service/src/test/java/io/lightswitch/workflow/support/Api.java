package io.lightswitch.workflow.support;

import static io.restassured.RestAssured.given;

import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives the API as a person with the bootstrap token would, and builds rule bodies. */
public final class Api {

    public static final String BOOTSTRAP_TOKEN = "dev-admin-token";

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + BOOTSTRAP_TOKEN).contentType(ContentType.JSON);
    }

    /** Each test owns its data: projects are unique per test, since database and broker are shared. */
    public static String uniqueProject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String rules(String project, String environment) {
        return "/api/v1/projects/" + project + "/environments/" + environment + "/rules";
    }

    /** Creates a rule and returns its id. */
    public static String createRule(String project, String environment, Map<String, Object> rule) {
        return admin().body(rule).post(rules(project, environment)).then().statusCode(201).extract().path("id");
    }

    /** A verdict rule on error rate: 2 points over control at 99%, 100 samples, no cooldown unless given. */
    public static Map<String, Object> errorRateRule(String name, Map<String, Object> flags, List<Map<String, Object>> actions,
                                                    boolean dryRun) {
        return Map.of("name", name, "trigger", "VERDICT", "scope", Map.of("flags", flags), "metric", "error_rate",
                "condition", Map.of("type", "IncreaseOverControl", "amount", 2, "unit", "POINTS", "confidence", 0.99),
                "minSamples", 100, "cooldown", "PT0S", "dryRun", dryRun, "actions", actions);
    }

    public static Map<String, Object> webhook(String url, String template, String secret, String backoff) {
        return Map.of("type", "CallWebhook", "url", url, "bodyTemplate", template, "secret", secret,
                "maxAttempts", 3, "initialBackoff", backoff);
    }

    /** Turns the environment's default guard off, so only the test's own rule acts. */
    public static void disableGuard(String project, String environment) {
        String path = rules(project, environment) + "/" + DefaultGuardRule.idFor(project, environment);
        Map<String, Object> guard = admin().get(path).then().statusCode(200).extract().jsonPath().getMap("");
        guard.put("enabled", false);
        for (String readOnly : List.of("id", "defaultGuard", "version", "createdAt", "updatedAt")) {
            guard.remove(readOnly);
        }
        ((Map<?, ?>) guard.get("scope")).remove("project");
        ((Map<?, ?>) guard.get("scope")).remove("environment");
        admin().body(guard).put(path).then().statusCode(200);
    }
}
