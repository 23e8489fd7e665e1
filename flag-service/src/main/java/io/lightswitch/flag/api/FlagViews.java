package io.lightswitch.flag.api;

import io.lightswitch.flag.domain.FlagDocuments;
import io.lightswitch.flag.domain.FlagService.FlagDetail;
import io.lightswitch.flag.domain.FlagStateDocument;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import io.lightswitch.flag.domain.model.WeightedVariant;
import io.lightswitch.flag.persistence.Flag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and response bodies of flags and their per-environment states. */
public final class FlagViews {

    private FlagViews() {
    }

    public record FlagView(String key, String name, String description, List<String> tags, String type,
                           Map<String, Object> variants, boolean clientVisible, String salt, Instant createdAt,
                           Instant updatedAt, List<FlagStateDocument> environments) {
        static FlagView of(Flag flag, List<FlagStateDocument> states) {
            return new FlagView(flag.key, flag.name, flag.description, FlagDocuments.tags(flag), flag.type,
                    FlagDocuments.variants(flag), flag.clientVisible, flag.salt, flag.createdAt, flag.updatedAt,
                    states);
        }

        static FlagView of(FlagDetail detail) {
            return of(detail.flag(), detail.states());
        }
    }

    /** The whole state of a flag in one environment; omitted fields keep their value. */
    public record StateRequest(Boolean enabled, String offVariant, List<TargetingRule> rules, Serve defaultServe,
                               Map<String, String> overrides, Long expectedVersion) {
    }

    public record EnabledRequest(Boolean enabled, String reason) {
    }

    public record RolloutRequest(List<WeightedVariant> split, String reason) {
    }
}
