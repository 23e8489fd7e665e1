package io.lightswitch.analytics.api;

import static io.lightswitch.analytics.support.Seed.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.Problems;
import io.lightswitch.analytics.support.Seed;
import io.lightswitch.analytics.support.Seed.Json;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeResourceTest {

    @Inject
    DataSource dataSource;

    private String project;
    private String path;

    @BeforeEach
    void seed() {
        project = Api.uniqueProject("changes");
        path = "/api/v1/projects/" + project + "/environments/production/changes";
        Seed seed = new Seed(dataSource);
        change(seed, "c1", "production", "dark-mode", 1, "created", "2025-05-01T10:00:00Z");
        change(seed, "c2", "production", "dark-mode", 2, "rollout", "2025-05-01T11:00:00Z");
        change(seed, "c3", null, "checkout-v2", 1, "created", "2025-05-01T12:00:00Z");
        change(seed, "c4", "production", "checkout-v2", 2, "disabled", "2025-05-01T13:00:00Z");
        change(seed, "c5", "staging", "dark-mode", 3, "enabled", "2025-05-01T14:00:00Z");
    }

    private void change(Seed seed, String id, String environment, String flag, long version, String change, String at) {
        seed.insert("flag_change", row("id", project + "-" + id, "project", project, "environment", environment,
                "flag_key", flag, "flag_version", version, "change", change, "actor_kind", "user",
                "actor_id", "u-" + id, "actor_name", "Alice " + id, "reason", "because " + id,
                "occurred_at", Instant.parse(at), "source", "flag-service",
                "before_state", new Json("{\"enabled\":false,\"version\":" + (version - 1) + "}"),
                "after_state", new Json("{\"enabled\":true,\"version\":" + version + "}")));
    }

    private static List<String> ids(JsonNode changes) {
        List<String> ids = new ArrayList<>();
        changes.forEach(c -> ids.add(c.get("id").asText().replaceAll(".*-", "")));
        return ids;
    }

    @Test
    void listsTheEnvironmentsChangesNewestFirstWithProjectWideOnes() {
        JsonNode changes = Api.get(path);

        assertThat(ids(changes)).containsExactly("c4", "c3", "c2", "c1");
        JsonNode rollout = changes.get(2);
        assertThat(rollout.get("flag").asText()).isEqualTo("dark-mode");
        assertThat(rollout.get("environment").asText()).isEqualTo("production");
        assertThat(rollout.get("version").asLong()).isEqualTo(2);
        assertThat(rollout.get("change").asText()).isEqualTo("rollout");
        assertThat(rollout.at("/actor/kind").asText()).isEqualTo("user");
        assertThat(rollout.at("/actor/id").asText()).isEqualTo("u-c2");
        assertThat(rollout.at("/actor/name").asText()).isEqualTo("Alice c2");
        assertThat(rollout.get("reason").asText()).isEqualTo("because c2");
        assertThat(rollout.get("occurredAt").asText()).isEqualTo("2025-05-01T11:00:00Z");
        assertThat(rollout.get("source").asText()).isEqualTo("flag-service");
        assertThat(rollout.at("/before/enabled").asBoolean()).isFalse();
        assertThat(rollout.at("/after/version").asInt()).isEqualTo(2);
        assertThat(changes.get(1).get("environment").isNull()).isTrue();
    }

    @Test
    void filtersByFlagTimeAndLimit() {
        assertThat(ids(Api.get(path, "flag", "dark-mode"))).containsExactly("c2", "c1");
        assertThat(ids(Api.get(path, "from", "2025-05-01T11:00:00Z", "to", "2025-05-01T13:00:00Z")))
                .containsExactly("c3", "c2");
        assertThat(ids(Api.get(path, "limit", "3"))).containsExactly("c4", "c3", "c2");
        assertThat(ids(Api.get(path, "flag", "checkout-v2", "limit", "1"))).containsExactly("c4");
    }

    @Test
    void namesTheBadParameter() {
        Problems.assertBadParameter("limit", path, "limit", "0");
        Problems.assertBadParameter("limit", path, "limit", "501");
        Problems.assertBadParameter("from", path, "from", "yesterday");
        Problems.assertBadParameter("from", path, "to", "2025-05-01T13:00:00Z");
        Problems.assertBadParameter("window", path, "window", "1h", "from", "2025-05-01T11:00:00Z");
    }
}
