package io.lightswitch.workflow.api;

import static io.lightswitch.workflow.support.Api.admin;
import static io.lightswitch.workflow.support.Api.createRule;
import static io.lightswitch.workflow.support.Api.errorRateRule;
import static io.lightswitch.workflow.support.Api.rules;
import static io.lightswitch.workflow.support.Api.uniqueProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.lightswitch.workflow.support.FlagServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class RuleResourceTest {

    private static final List<Map<String, Object>> DISABLE = List.of(Map.of("type", "DisableFlag"));

    @Test
    void createsReadsListsAndDeletesARule() {
        String project = uniqueProject("rules");
        String id = createRule(project, "production",
                errorRateRule("Checkout guard", Map.of("flagKey", "dark-mode"), DISABLE, false));

        admin().get(rules(project, "production") + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Checkout guard"))
                .body("trigger", equalTo("VERDICT"))
                .body("scope.project", equalTo(project))
                .body("scope.environment", equalTo("production"))
                .body("scope.flags.flagKey", equalTo("dark-mode"))
                .body("condition.type", equalTo("IncreaseOverControl"))
                .body("condition.unit", equalTo("POINTS"))
                .body("cooldown", equalTo("PT0S"))
                .body("enabled", equalTo(true))
                .body("actions[0].type", equalTo("DisableFlag"))
                .body("defaultGuard", equalTo(false))
                .body("version", equalTo(1));
        admin().get(rules(project, "production")).then().statusCode(200)
                .body("id", hasItems(id)).body("", hasSize(1));
        admin().get(rules(project, "staging")).then().statusCode(200).body("", hasSize(0));

        admin().delete(rules(project, "production") + "/" + id).then().statusCode(204);
        admin().get(rules(project, "production") + "/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", containsString(id));
    }

    @Test
    void updatesWithTheVersionReadAndRefusesAStaleOne() {
        String project = uniqueProject("rules");
        String id = createRule(project, "production",
                errorRateRule("Guard", Map.of("all", true), DISABLE, false));
        Map<String, Object> changed = new HashMap<>(errorRateRule("Guard, dry", Map.of("tag", "checkout"), DISABLE,
                true));

        admin().header("If-Match", "\"1\"").body(changed).put(rules(project, "production") + "/" + id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo("Guard, dry"))
                .body("scope.flags.tag", equalTo("checkout"))
                .body("dryRun", equalTo(true))
                .body("version", equalTo(2));

        admin().header("If-Match", "\"1\"").body(changed).put(rules(project, "production") + "/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/conflict"))
                .body("detail", containsString("version 2, not 1"));
        changed.put("expectedVersion", 1);
        admin().body(changed).put(rules(project, "production") + "/" + id).then().statusCode(409);
        admin().header("If-Match", "\"1\"").delete(rules(project, "production") + "/" + id).then().statusCode(409);
        admin().body(changed).put(rules(project, "production") + "/no-such-rule").then().statusCode(404);
    }

    @Test
    void namesEveryInvalidFieldInOneProblem() {
        String project = uniqueProject("rules");
        Map<String, Object> rule = Map.of("name", "", "trigger", "VERDICT", "scope", Map.of("flags", Map.of("all", true)),
                "metric", "latency_p99",
                "condition", Map.of("type", "IncreaseOverControl", "amount", 2, "unit", "POINTS", "confidence", 1.5),
                "cooldown", "PT0S",
                "actions", List.of(Map.of("type", "CallWebhook", "url", "ftp://example.com",
                        "bodyTemplate", "{\"text\": \"{{verdict.nope}}\"}"),
                        Map.of("type", "SetRollout", "split", List.of(Map.of("variant", "on", "weight", 30)))));

        admin().body(rule).post(rules(project, "production")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name", "metric", "condition.confidence", "actions[0].url",
                        "actions[0].bodyTemplate", "actions[1].split"))
                .body("errors.find { it.field == 'metric' }.reason", containsString("not assessed by analytics"));
        admin().get(rules(project, "production")).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void refusesUnknownTypesAndFieldsAndAnAmbiguousScope() {
        String project = uniqueProject("rules");
        Map<String, Object> unknownAction = new HashMap<>(errorRateRule("r", Map.of("all", true),
                List.of(Map.of("type", "PageSomeone")), false));
        admin().body(unknownAction).post(rules(project, "production")).then().statusCode(400)
                .body("errors[0].field", equalTo("actions[0].type"))
                .body("errors[0].reason", containsString("PageSomeone"));

        Map<String, Object> badTrigger = new HashMap<>(errorRateRule("r", Map.of("all", true), DISABLE, false));
        badTrigger.put("trigger", "SOMETIMES");
        admin().body(badTrigger).post(rules(project, "production")).then().statusCode(400)
                .body("errors[0].field", equalTo("trigger"))
                .body("errors[0].reason", containsString("VERDICT"));

        Map<String, Object> unknownField = new HashMap<>(errorRateRule("r", Map.of("all", true), DISABLE, false));
        unknownField.put("severity", "high");
        admin().body(unknownField).post(rules(project, "production")).then().statusCode(400)
                .body("errors[0].field", equalTo("severity"));

        admin().body(errorRateRule("r", Map.of("flagKey", "a", "tag", "b"), DISABLE, false))
                .post(rules(project, "production")).then().statusCode(400)
                .body("errors[0].field", equalTo("scope.flags"));
    }

    @Test
    void webhookSecretsAreWriteOnlyAndKeptWhenARuleComesBackSigned() {
        String project = uniqueProject("rules");
        Map<String, Object> hook = Map.of("type", "CallWebhook", "url", "https://hooks.example.com/x",
                "bodyTemplate", "{\"text\": \"{{verdict.sentence}}\"}", "secret", "s3cret",
                "headers", Map.of("Authorization", "Bearer abc"));
        String id = createRule(project, "production", errorRateRule("Hook", Map.of("all", true), List.of(hook), false));

        admin().get(rules(project, "production") + "/" + id).then().statusCode(200)
                .body("actions[0].secret", nullValue())
                .body("actions[0].signed", equalTo(true))
                .body("actions[0].signatureHeader", equalTo("X-Lightswitch-Signature"))
                .body("actions[0].maxAttempts", equalTo(5))
                .body("actions[0].initialBackoff", equalTo("PT1S"));

        Map<String, Object> keep = new HashMap<>(hook);
        keep.remove("secret");
        keep.put("signed", true);
        admin().body(errorRateRule("Hook", Map.of("all", true), List.of(keep), false))
                .put(rules(project, "production") + "/" + id).then().statusCode(200)
                .body("actions[0].signed", equalTo(true));

        admin().body(errorRateRule("Hook", Map.of("all", true), List.of(keep), false))
                .post(rules(project, "production")).then().statusCode(400)
                .body("errors[0].field", equalTo("actions[0].secret"));
    }

    @Test
    void flagChangeRulesNeedNoCooldownAndOnlyCallWebhooks() {
        String project = uniqueProject("rules");
        Map<String, Object> rule = Map.of("name", "Every production change to chat", "trigger", "FLAG_CHANGE",
                "scope", Map.of("flags", Map.of("all", true)),
                "actions", List.of(Map.of("type", "CallWebhook", "url", "https://chat.example.com/hook",
                        "bodyTemplate", "{\"text\": \"{{change.flagKey}} {{change.change}}\"}")));
        String id = createRule(project, "production", rule);
        admin().get(rules(project, "production") + "/" + id).then().statusCode(200)
                .body("cooldown", equalTo("PT0S")).body("metric", nullValue());

        Map<String, Object> withCommand = new HashMap<>(rule);
        withCommand.put("actions", DISABLE);
        String detail = admin().body(withCommand).post(rules(project, "production")).then().statusCode(400)
                .body("errors[0].field", equalTo("actions[0]")).extract().path("errors[0].reason");
        assertThat(detail).contains("only call webhooks");
    }
}
