package io.lightswitch.analytics.assessment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How a flag is assessed in this pass, decided from which variants have traffic in its window. */
sealed interface Plan {

    /** Two or more variants with traffic: each other variant against the control cohort. */
    record Rollout(String control, List<String> treatments) implements Plan {
    }

    /** One variant only, and the flag changed in the window: the period after the change against a baseline. */
    record Toggle(String variant) implements Plan {
    }

    /**
     * The control is the flag's off variant when it has traffic, otherwise the variant with the most requests
     * (an A/B test whose off variant nobody is served still compares its arms). Empty when there is nothing
     * to compare: no traffic, or one variant and no recent change.
     */
    static Optional<Plan> of(FlagData data, Duration maxWindow) {
        List<String> present = data.presentVariants();
        if (present.size() >= 2) {
            String off = data.window().offVariant();
            String control = off != null && present.contains(off) ? off : present.get(0);
            return Optional.of(new Rollout(control, present.stream().filter(v -> !v.equals(control)).toList()));
        }
        if (present.size() == 1 && data.window().changedWithin(maxWindow)) {
            return Optional.of(new Toggle(present.get(0)));
        }
        return Optional.empty();
    }
}
