package io.lightswitch.analytics.api;

import java.time.Duration;

/** Every query is scoped to one environment of one project, by the keys flag-service gives them. */
final class ApiPaths {

    static final String ENVIRONMENT = "/api/v1/projects/{project}/environments/{environment}";
    static final String PROJECT_DESCRIPTION = "project key";
    static final String ENVIRONMENT_DESCRIPTION = "environment key, e.g. production";
    static final String WINDOW_DESCRIPTION = "window ending now: 90s, 30m, 24h, 7d (at most 400d); instead of from and to";
    static final String FROM_DESCRIPTION = "window start, ISO-8601 instant (inclusive)";
    static final String TO_DESCRIPTION = "window end, ISO-8601 instant (exclusive); defaults to now";
    static final String STEP_DESCRIPTION = "time between points: a multiple of 10s, e.g. 1m, 5m, 1h; at most 1,500 points."
            + " Read from hourly buckets when the step is whole hours, minute buckets when whole minutes, else 10 s"
            + " buckets. Defaults to the finest of 10s, 30s, 1m, 5m, 15m, 30m, 1h, 3h, 6h, 12h, 1d, 7d giving at most 200 points";
    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private ApiPaths() {
    }
}
