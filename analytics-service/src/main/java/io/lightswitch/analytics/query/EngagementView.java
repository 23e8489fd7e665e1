package io.lightswitch.analytics.query;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How sessions that saw each variant of a flag went. */
public record EngagementView(
        String project,
        String environment,
        String flag,
        Instant from,
        Instant to,
        double apdexThresholdMs,
        List<VariantEngagement> variants) {

    public record VariantEngagement(
            String variant,
            @Schema(description = "sessions that saw this variant and were last seen in the window")
            long sessions,
            @Schema(description = "distinct user ids among those sessions (anonymous sessions not counted)")
            long users,
            Double actionsPerSession,
            @Schema(description = "mean of last seen minus first seen, in seconds")
            Double meanSessionSeconds,
            Double pageLoadsPerSession,
            @Schema(description = "share of sessions with at least one error")
            Double errorSessionShare,
            @Schema(description = "Apdex of the variant's request latency over the window (entry spans of every service)")
            LatencyStats.Apdex apdex) {
    }
}
