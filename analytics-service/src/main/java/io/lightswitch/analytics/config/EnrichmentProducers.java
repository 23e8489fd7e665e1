package io.lightswitch.analytics.config;

import io.lightswitch.analytics.enrich.UserAgentClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One shared user-agent classifier: building its rule set takes about half a second. */
public class EnrichmentProducers {

    @Produces
    @ApplicationScoped
    UserAgentClassifier userAgentClassifier() {
        return new UserAgentClassifier();
    }
}
