package io.lightswitch.analytics.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void documentsEveryQueryWithATagASummaryAndItsParameters() {
        JsonNode document = Api.json(given().get("/q/openapi?format=json"));

        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            operations.add(op.getKey().toUpperCase() + " " + path.getKey());
            assertThat(operation.path("tags")).as(path.getKey()).isNotEmpty();
            assertThat(operation.path("summary").asText()).as(path.getKey()).isNotBlank();
            operation.path("parameters").forEach(parameter ->
                    assertThat(parameter.path("description").asText()).as(path.getKey() + " " + parameter.get("name"))
                            .isNotBlank());
        }));
        String base = "/api/v1/projects/{project}/environments/{environment}";
        assertThat(operations).contains("GET " + base + "/flags/{flag}/impact", "GET " + base + "/flags/{flag}/adoption",
                "GET " + base + "/flags/{flag}/engagement", "GET " + base + "/flags/{flag}/errors",
                "GET " + base + "/sessions", "GET " + base + "/sessions/{id}", "GET " + base + "/sessions/{id}/replay",
                "GET " + base + "/errors", "GET " + base + "/dependencies", "GET " + base + "/changes");
        assertThat(document.at("/components/schemas/ReplayChunk/properties/events/type").asText()).isEqualTo("array");
        assertThat(document.at("/components/schemas/VerdictView/properties/evidence/type").asText()).isEqualTo("object");
    }
}
