package io.lightswitch.analytics.query;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A flag's impact: per variant series and totals, what changed, and what the detection job concluded. */
public record ImpactView(
        String project,
        String environment,
        String flag,
        @Schema(description = "start of the first point: the window's start aligned down to the step")
        Instant from,
        Instant to,
        String step,
        @Schema(description = "the stored resolution the points were read from, in seconds (10, 60 or 3600)")
        int resolutionSeconds,
        List<VariantSeries> variants,
        @Schema(description = "flag changes within the points' range, oldest first, to annotate the series")
        List<ChangeView> changes,
        @Schema(description = "current verdicts, best ranked first")
        List<VerdictView> verdicts,
        @Schema(description = "verdict status changes within the points' range, oldest first")
        List<VerdictView.VerdictChange> verdictChanges) {

    /** One variant: a point per step (zeros and nulls where nothing happened) and the total over all points. */
    public record VariantSeries(String variant, SeriesTotals.VariantMetrics total, List<ImpactPoint> points) {
    }

    public record ImpactPoint(Instant start, SeriesTotals.VariantMetrics metrics) {
    }
}
