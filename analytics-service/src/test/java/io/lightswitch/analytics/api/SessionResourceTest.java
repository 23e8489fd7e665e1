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
class SessionResourceTest {

    private static final String ENV = "production";
    private static final String T0 = "2025-03-01T10:00:00Z";

    @Inject
    DataSource dataSource;

    private String project;
    private String path;

    @BeforeEach
    void seed() {
        project = Api.uniqueProject("sessions");
        path = "/api/v1/projects/" + project + "/environments/" + ENV + "/sessions";
        Seed seed = new Seed(dataSource);
        session(seed, ENV, "s1", "u1", "Chrome", "macOS", "DE", "{\"dark-mode\":\"on\",\"checkout-v2\":\"off\"}", 0,
                "2025-03-01T10:01:00.000001Z");
        session(seed, ENV, "s2", "u2", "Firefox", "Linux", "US", "{\"dark-mode\":\"off\"}", 2, "2025-03-01T10:02:00Z");
        session(seed, ENV, "s3", "u1", "Chrome", "Windows", "DE", "{\"dark-mode\":\"on\"}", 1,
                "2025-03-01T10:03:00.123456Z");
        session(seed, ENV, "s4", null, "Safari", "iOS", "FR", "{}", 0, "2025-03-01T10:04:00Z");
        session(seed, ENV, "s5", "u3", "Chrome", "macOS", "DE", "{\"dark-mode\":\"on\"}", 0,
                "2025-03-01T10:03:00.123456Z");
        session(seed, "staging", "s6", "u1", "Chrome", "macOS", "DE", "{\"dark-mode\":\"on\"}", 0,
                "2025-03-01T10:05:00Z");

        event(seed, "s1", "2025-03-01T10:00:30Z", "action", "click #buy", "{\"target\":\"#buy\"}");
        event(seed, "s1", "2025-03-01T10:00:10Z", "page_load", "/home", "{\"lcpMs\":1200}");
        event(seed, "s1", "2025-03-01T10:00:50Z", "js_error", "TypeError", "{\"stack\":\"at buy (app.js:10:5)\"}");
        event(seed, "s2", "2025-03-01T10:00:20Z", "page_load", "/other", "{}");
        replay(seed, "s1", 2, "[{\"type\":3,\"timestamp\":3}]");
        replay(seed, "s1", 0, "[{\"type\":4,\"timestamp\":1},{\"type\":2,\"timestamp\":1}]");
        replay(seed, "s1", 1, "[{\"type\":3,\"timestamp\":2}]");
    }

    private void session(Seed seed, String environment, String id, String user, String browser, String os,
                         String country, String flags, int errors, String lastSeen) {
        Instant last = Instant.parse(lastSeen);
        seed.insert("session", row("project", project, "environment", environment, "session_id", id,
                "user_id", user, "first_seen", Instant.parse(T0), "last_seen", last, "browser", browser,
                "browser_version", "120", "os", os, "device", "desktop", "country", country, "flags", new Json(flags),
                "error_count", (long) errors, "page_loads", 2L, "actions", 5L, "spans", 7L, "timeline_size", 3L,
                "replay_chunks", 3L));
    }

    private void event(Seed seed, String session, String at, String kind, String name, String detail) {
        String entry = "{\"at\":\"" + at + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"detail\":"
                + (detail == null ? "null" : detail) + "}";
        seed.insert("session_event", row("project", project, "environment", ENV, "session_id", session,
                "first_at", Instant.parse(at), "last_at", Instant.parse(at), "entries", new Json("[" + entry + "]")));
    }

    private void replay(Seed seed, String session, int seq, String events) {
        seed.insert("session_replay", row("project", project, "environment", ENV, "session_id", session, "seq", seq,
                "at", Instant.parse(T0).plusSeconds(seq), "events", new Json(events)));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("sessions").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void listsTheEnvironmentsSessionsNewestFirst() {
        JsonNode page = Api.get(path);

        assertThat(ids(page)).containsExactly("s4", "s5", "s3", "s2", "s1");
        assertThat(page.get("nextCursor").isNull()).isTrue();
        JsonNode s1 = page.at("/sessions/4");
        assertThat(s1.get("userId").asText()).isEqualTo("u1");
        assertThat(s1.get("firstSeen").asText()).isEqualTo(T0);
        assertThat(s1.get("lastSeen").asText()).isEqualTo("2025-03-01T10:01:00.000001Z");
        assertThat(s1.get("durationSeconds").asDouble()).isEqualTo(60.0);
        assertThat(s1.get("browser").asText()).isEqualTo("Chrome");
        assertThat(s1.get("browserVersion").asText()).isEqualTo("120");
        assertThat(s1.get("os").asText()).isEqualTo("macOS");
        assertThat(s1.get("device").asText()).isEqualTo("desktop");
        assertThat(s1.get("country").asText()).isEqualTo("DE");
        assertThat(s1.at("/flags/dark-mode").asText()).isEqualTo("on");
        assertThat(s1.at("/flags/checkout-v2").asText()).isEqualTo("off");
        assertThat(s1.get("errorCount").asLong()).isZero();
        assertThat(s1.get("pageLoads").asLong()).isEqualTo(2);
        assertThat(s1.get("actions").asLong()).isEqualTo(5);
        assertThat(s1.get("spans").asLong()).isEqualTo(7);
        assertThat(s1.get("replayChunks").asLong()).isEqualTo(3);
    }

    @Test
    void filtersByFlagVariantUserBrowserOsCountryErrorsAndTime() {
        assertThat(ids(Api.get(path, "flag", "dark-mode", "variant", "on"))).containsExactly("s5", "s3", "s1");
        assertThat(ids(Api.get(path, "flag", "dark-mode"))).containsExactly("s5", "s3", "s2", "s1");
        assertThat(ids(Api.get(path, "flag", "checkout-v2", "variant", "on"))).isEmpty();
        assertThat(ids(Api.get(path, "user", "u1"))).containsExactly("s3", "s1");
        assertThat(ids(Api.get(path, "browser", "chrome", "os", "MACOS"))).containsExactly("s5", "s1");
        assertThat(ids(Api.get(path, "country", "de", "hadErrors", "true"))).containsExactly("s3");
        assertThat(ids(Api.get(path, "hadErrors", "false"))).containsExactly("s4", "s5", "s1");
        assertThat(ids(Api.get(path, "from", "2025-03-01T10:02:00Z", "to", "2025-03-01T10:04:00Z")))
                .containsExactly("s5", "s3", "s2");
    }

    @Test
    void pagesWithAnOpaqueCursorWithoutSkippingTies() {
        JsonNode first = Api.get(path, "limit", "2");
        assertThat(ids(first)).containsExactly("s4", "s5");
        String cursor = first.get("nextCursor").asText();
        assertThat(cursor).doesNotContain("s5");

        JsonNode second = Api.get(path, "limit", "2", "cursor", cursor);
        assertThat(ids(second)).containsExactly("s3", "s2");

        JsonNode third = Api.get(path, "limit", "2", "cursor", second.get("nextCursor").asText());
        assertThat(ids(third)).containsExactly("s1");
        assertThat(third.get("nextCursor").isNull()).isTrue();

        JsonNode filtered = Api.get(path, "flag", "dark-mode", "variant", "on", "limit", "1");
        assertThat(ids(Api.get(path, "flag", "dark-mode", "variant", "on", "limit", "5",
                "cursor", filtered.get("nextCursor").asText()))).containsExactly("s3", "s1");
    }

    @Test
    void showsASessionWithItsTimelineInOrder() {
        JsonNode detail = Api.get(path + "/s1");

        assertThat(detail.at("/session/id").asText()).isEqualTo("s1");
        JsonNode timeline = detail.get("timeline");
        assertThat(timeline).hasSize(3);
        assertThat(timeline.at("/0/kind").asText()).isEqualTo("page_load");
        assertThat(timeline.at("/0/name").asText()).isEqualTo("/home");
        assertThat(timeline.at("/0/at").asText()).isEqualTo("2025-03-01T10:00:10Z");
        assertThat(timeline.at("/0/detail/lcpMs").asInt()).isEqualTo(1200);
        assertThat(timeline.at("/1/kind").asText()).isEqualTo("action");
        assertThat(timeline.at("/2/kind").asText()).isEqualTo("js_error");
        assertThat(timeline.at("/2/detail/stack").asText()).isEqualTo("at buy (app.js:10:5)");
    }

    @Test
    void servesTheReplayInSequenceOrder() {
        JsonNode replay = Api.get(path + "/s1/replay");

        assertThat(replay.get("sessionId").asText()).isEqualTo("s1");
        JsonNode chunks = replay.get("chunks");
        assertThat(chunks).hasSize(3);
        assertThat(chunks.at("/0/seq").asInt()).isZero();
        assertThat(chunks.at("/0/at").asText()).isEqualTo(T0);
        assertThat(chunks.at("/0/events").isArray()).isTrue();
        assertThat(chunks.at("/0/events/0/type").asInt()).isEqualTo(4);
        assertThat(chunks.at("/0/events/1/type").asInt()).isEqualTo(2);
        assertThat(chunks.at("/1/seq").asInt()).isEqualTo(1);
        assertThat(chunks.at("/2/events/0/timestamp").asInt()).isEqualTo(3);

        assertThat(Api.get(path + "/s2/replay").get("chunks")).isEmpty();
    }

    @Test
    void anUnknownSessionIs404() {
        Problems.assertNotFound(path + "/nope", "no session 'nope'");
        Problems.assertNotFound(path + "/nope/replay", "no session 'nope'");
        Problems.assertNotFound(path + "/s6", "no session 's6'");
    }

    @Test
    void namesTheBadParameter() {
        Problems.assertBadParameter("variant", path, "variant", "on");
        Problems.assertBadParameter("hadErrors", path, "hadErrors", "maybe");
        Problems.assertBadParameter("limit", path, "limit", "0");
        Problems.assertBadParameter("limit", path, "limit", "201");
        Problems.assertBadParameter("cursor", path, "cursor", "garbage");
        Problems.assertBadParameter("from", path, "from", "2025-03-02T00:00:00Z", "to", "2025-03-01T00:00:00Z");
    }
}
