package io.lightswitch.contracts.analytics;

import java.time.Instant;

/**
 * analytics-service's verdict on one flag variant and metric, published as {@code impact.assessed}
 * when its status changes and as {@code anomaly.detected} when it turns degraded.
 *
 * @param variant   the treatment variant; the control is every other user of the flag (or, for a full
 *                  toggle, the baseline before the change)
 * @param service   the service the verdict is localised to, or null for all traffic
 * @param operation the operation (span name or route) within that service, or null
 * @param metric    error_rate, latency, js_error_rate, page_load.lcp|inp|cls|ttfb, conversion.&lt;name&gt;
 * @param status    healthy, degraded, improved, insufficient_data
 * @param reason    why, in a word: significant_change, no_significant_change, missing_control,
 *                  too_few_samples, too_few_events
 * @param since     first assessment at which this status held
 * @param sentence  the verdict as people read it
 */
public record ImpactVerdict(
        String project,
        String environment,
        String flagKey,
        String variant,
        String service,
        String operation,
        String metric,
        String status,
        String previousStatus,
        String reason,
        VerdictEvidence evidence,
        Instant assessedAt,
        Instant since,
        String sentence) {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String IMPROVED = "improved";
    public static final String INSUFFICIENT_DATA = "insufficient_data";
}
