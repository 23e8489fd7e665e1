package io.lightswitch.flag.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What a rule or the default gives: either one variant, or a weighted split over variants whose
 * weights add up to 100. Users are bucketed along the split in its listed order, so growing the first
 * entry's share keeps everyone who already had it.
 */
public record Serve(String variant, List<WeightedVariant> split) {
    public Serve {
        split = split == null ? null : List.copyOf(split);
    }

    public static Serve variant(String variant) {
        return new Serve(variant, null);
    }

    public static Serve split(List<WeightedVariant> split) {
        return new Serve(null, split);
    }

    @JsonIgnore
    public boolean isSplit() {
        return split != null;
    }
}
