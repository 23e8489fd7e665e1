package io.lightswitch.workflow.api;

import static io.lightswitch.workflow.support.Api.admin;
import static io.lightswitch.workflow.support.Api.uniqueProject;
import static io.lightswitch.workflow.support.Messages.degraded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.support.FlagServiceStub;
import io.lightswitch.workflow.support.Incidents;
import io.lightswitch.workflow.support.Messages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class IncidentResourceTest {

    @Test
    void filtersIncidentsAndExecutionsByFlagRuleStatusAndTime() throws Exception {
        String project = uniqueProject("query");
        ImpactVerdict first = degraded(project, "production", "dark-mode");
        Messages.publish(first);
        Messages.publish(degraded(project, "production", "search"));
        Incidents.awaitOne(project, "dark-mode");
        Incidents.awaitOne(project, "search");
        String guard = DefaultGuardRule.idFor(project, "production");
        String incidents = "/api/v1/projects/" + project + "/incidents";

        admin().get(incidents).then().statusCode(200).body("", hasSize(2));
        admin().queryParam("flag", "search").get(incidents).then().statusCode(200)
                .body("", hasSize(1)).body("[0].flagKey", equalTo("search"));
        admin().queryParam("rule", guard).queryParam("status", "open").queryParam("environment", "production")
                .get(incidents).then().statusCode(200).body("", hasSize(2));
        admin().queryParam("status", "closed").get(incidents).then().statusCode(200).body("", hasSize(0));
        admin().queryParam("from", first.assessedAt().plus(Duration.ofSeconds(1)).toString()).get(incidents)
                .then().statusCode(200).body("", hasSize(0));
        admin().queryParam("to", first.assessedAt().plus(Duration.ofSeconds(1)).toString()).queryParam("limit", 1)
                .get(incidents).then().statusCode(200).body("", hasSize(1));

        String executions = "/api/v1/projects/" + project + "/executions";
        admin().queryParam("flag", "dark-mode").queryParam("type", "DisableFlag").get(executions)
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].rule.id", equalTo(guard))
                .body("[0].flagKey", equalTo("dark-mode"));
        admin().queryParam("type", "CallWebhook").get(executions).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void refusesBadFiltersAndAnswers404ForAnUnknownIncident() {
        String project = uniqueProject("query");
        admin().queryParam("status", "sleeping").get("/api/v1/projects/{p}/incidents", project).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].reason", containsString("open"));
        admin().queryParam("from", "yesterday").get("/api/v1/projects/{p}/executions", project).then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        admin().queryParam("limit", 0).get("/api/v1/projects/{p}/incidents", project).then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        admin().get("/api/v1/projects/{p}/incidents/{id}", project, UUID.randomUUID()).then().statusCode(404)
                .body("title", equalTo("Not found"));
        admin().get("/api/v1/projects/{p}/incidents/{id}", project, "not-a-uuid").then().statusCode(404);
    }
}
