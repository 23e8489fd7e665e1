package io.lightswitch.ingest.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application with the Flagsmith integration left without a secret. */
public class UnconfiguredWebhooksProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("lightswitch.webhooks.flagsmith.secret", "");
    }
}
