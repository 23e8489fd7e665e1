package io.lightswitch.ingest.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Accepts telemetry without a key, attributed to a project and environment of the test's own. */
public class AnonymousIngestProfile implements QuarkusTestProfile {

    public static final String PROJECT = "anon-shop";
    public static final String ENVIRONMENT = "anon-staging";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "lightswitch.ingest.allow-anonymous", "true",
                "lightswitch.ingest.anonymous.project", PROJECT,
                "lightswitch.ingest.anonymous.environment", ENVIRONMENT);
    }
}
