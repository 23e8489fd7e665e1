package io.lightswitch.flag.domain.schedule;

import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.KeyRules;
import io.lightswitch.flag.domain.evaluation.FlagCompiler;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.WeightedVariant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks rollout plans and expands the rollout shorthand into steps. */
public final class PlanRules {

    static final int MAX_STEPS = 20;
    /** A step meant for "now" arrives a little late; it is applied at once rather than refused. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    private static final String DEFAULT_SERVE = "defaultServe";

    private PlanRules() {
    }

    /** Every problem of a plan that shows without looking at the flag. */
    public static List<FieldError> check(PlanDraft draft, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Instant earliest = now.minus(PAST_TOLERANCE);
        if (draft.steps() != null && draft.rollout() != null) {
            errors.add(new FieldError("rollout", "cannot be combined with steps; send one of them"));
        } else if (draft.rollout() != null) {
            checkRollout(draft.rollout(), earliest, errors);
        } else if (draft.steps() == null) {
            errors.add(new FieldError("steps", "is required: a list of {at, serve, enabled}, or send rollout instead"));
        } else {
            checkSteps(draft.steps(), earliest, errors);
        }
        KeyRules.optionalText("reason", draft.reason(), 2000, errors);
        return errors;
    }

    /**
     * The steps of a checked plan. A rollout step splits users between the rolled-out variant, listed first so
     * that each step keeps everyone who already had it, and the off variant (or, when the off variant is the
     * one rolled out, the first other variant by name, so that the choice is stable).
     */
    public static List<PlanStep> expand(PlanDraft draft, FlagConfig current) {
        Rollout rollout = draft.rollout();
        if (rollout == null) {
            return draft.steps();
        }
        String rest = remainingVariant(rollout.variant(), current);
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < rollout.percentages().size(); i++) {
            double percentage = rollout.percentages().get(i);
            Instant at = i == 0 ? rollout.startAt() : rollout.startAt().plus(rollout.every().multipliedBy(i));
            Serve serve = Serve.split(List.of(new WeightedVariant(rollout.variant(), percentage),
                    new WeightedVariant(rest, 100 - percentage)));
            steps.add(new PlanStep(at, serve, i == 0 ? Boolean.TRUE : null));
        }
        return steps;
    }

    /** Every serve of the plan that the flag could not give, at paths such as {@code steps[1].serve.split}. */
    public static List<FieldError> checkAgainst(PlanDraft draft, List<PlanStep> steps, FlagConfig current) {
        if (draft.rollout() != null && !current.variants().containsKey(draft.rollout().variant())) {
            return List.of(new FieldError("rollout.variant", "unknown variant '" + draft.rollout().variant() + "'"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String path = "steps[" + i + "].serve";
            for (FieldError error : FlagCompiler.validate(withDefault(current, steps.get(i).serve()), Map.of())) {
                if (error.field().startsWith(DEFAULT_SERVE)) {
                    errors.add(new FieldError(path + error.field().substring(DEFAULT_SERVE.length()), error.reason()));
                }
            }
        }
        return errors;
    }

    /**
     * The flag with only its default replaced. Rules and overrides are left out: a step does not touch them,
     * and the whole state is validated again when the step applies.
     */
    private static FlagConfig withDefault(FlagConfig current, Serve serve) {
        return new FlagConfig(current.key(), current.type(), current.variants(), current.salt(), current.version(),
                current.enabled(), current.offVariant(), List.of(), serve, Map.of());
    }

    private static String remainingVariant(String rolledOut, FlagConfig current) {
        if (!rolledOut.equals(current.offVariant())) {
            return current.offVariant();
        }
        return current.variants().keySet().stream().filter(v -> !v.equals(rolledOut)).sorted().findFirst()
                .orElse(rolledOut);
    }

    private static void checkSteps(List<PlanStep> steps, Instant earliest, List<FieldError> errors) {
        if (steps.isEmpty()) {
            errors.add(new FieldError("steps", "needs at least one step"));
            return;
        }
        if (steps.size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "must have at most " + MAX_STEPS + " steps"));
            return;
        }
        Instant previous = null;
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            String path = "steps[" + i + "]";
            if (step == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            checkTime(path + ".at", step.at(), earliest, errors);
            if (previous != null && step.at() != null && step.at().isBefore(previous)) {
                errors.add(new FieldError(path + ".at", "must not be before the step before it"));
            }
            previous = step.at() != null ? step.at() : previous;
        }
    }

    private static void checkRollout(Rollout rollout, Instant earliest, List<FieldError> errors) {
        if (rollout.variant() == null || rollout.variant().isBlank()) {
            errors.add(new FieldError("rollout.variant", "is required"));
        }
        List<Double> percentages = rollout.percentages();
        if (percentages == null || percentages.isEmpty()) {
            errors.add(new FieldError("rollout.percentages", "needs at least one percentage, e.g. [10, 50, 100]"));
        } else if (percentages.size() > MAX_STEPS) {
            errors.add(new FieldError("rollout.percentages", "must have at most " + MAX_STEPS + " percentages"));
        } else {
            checkPercentages(percentages, errors);
        }
        checkTime("rollout.startAt", rollout.startAt(), earliest, errors);
        Duration every = rollout.every();
        if (every == null && percentages != null && percentages.size() > 1) {
            errors.add(new FieldError("rollout.every", "is required: an ISO-8601 duration such as PT1H"));
        } else if (every != null && (every.isNegative() || every.isZero())) {
            errors.add(new FieldError("rollout.every", "must be a positive ISO-8601 duration such as PT1H"));
        }
    }

    private static void checkPercentages(List<Double> percentages, List<FieldError> errors) {
        Double previous = null;
        for (int i = 0; i < percentages.size(); i++) {
            Double percentage = percentages.get(i);
            String path = "rollout.percentages[" + i + "]";
            if (percentage == null || !(percentage >= 0 && percentage <= 100)) {
                errors.add(new FieldError(path, "must be a percentage from 0 to 100"));
                continue;
            }
            if (previous != null && percentage <= previous) {
                errors.add(new FieldError(path, "must be greater than the percentage before it"));
            }
            previous = percentage;
        }
    }

    private static void checkTime(String path, Instant at, Instant earliest, List<FieldError> errors) {
        if (at == null) {
            errors.add(new FieldError(path, "is required: an ISO-8601 instant such as 2026-11-26T10:00:00Z"));
        } else if (at.isBefore(earliest)) {
            errors.add(new FieldError(path, "must not be in the past"));
        }
    }
}
