package io.lightswitch.analytics.query;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who used each variant of a flag: distinct users per step and over the whole window. */
public record AdoptionView(
        String project,
        String environment,
        String flag,
        @Schema(description = "the window the totals cover (to 10 s)")
        Instant from,
        Instant to,
        String step,
        int resolutionSeconds,
        List<VariantAdoption> variants) {

    public record VariantAdoption(
            String variant,
            @Schema(description = "distinct users over the whole window (HyperLogLog estimate, about 2% error)")
            long users,
            @Schema(description = "evaluations that served this variant over the whole window")
            long exposures,
            List<AdoptionPoint> points) {
    }

    public record AdoptionPoint(Instant start, long users, long exposures) {
    }
}
