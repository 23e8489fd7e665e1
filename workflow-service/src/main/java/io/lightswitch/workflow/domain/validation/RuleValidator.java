package io.lightswitch.workflow.domain.validation;

import io.lightswitch.workflow.domain.rule.Condition;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.IncreaseUnit;
import io.lightswitch.workflow.domain.rule.Metric;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.rule.Trigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem of a rule at once, each naming its field, so the API answers one problem+json listing all
 * of them. The rule id is assigned by the service and not checked here.
 */
public final class RuleValidator {

    private static final String KNOWN_METRICS = Arrays.stream(Metric.values()).map(Metric::key)
            .collect(Collectors.joining(", "));

    private RuleValidator() {
    }

    public static List<FieldError> validate(Rule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule == null) {
            errors.add(new FieldError("", "a rule is required"));
            return errors;
        }
        requireText(errors, "name", rule.name());
        validateScope(errors, rule.scope());
        if (rule.trigger() == null) {
            errors.add(new FieldError("trigger", "required: VERDICT or FLAG_CHANGE"));
        } else if (rule.trigger() == Trigger.VERDICT) {
            Metric metric = validateMetric(errors, rule.metric());
            validateCondition(errors, rule.condition(), metric);
        } else {
            if (rule.metric() != null) {
                errors.add(new FieldError("metric", "flag-change rules watch no metric; leave it out"));
            }
            if (rule.condition() != null) {
                errors.add(new FieldError("condition", "flag-change rules fire on every change in scope; leave"
                        + " it out"));
            }
        }
        if (rule.minSamples() < 0) {
            errors.add(new FieldError("minSamples", "must not be negative"));
        }
        if (rule.cooldown() == null) {
            errors.add(new FieldError("cooldown", "required (PT0S for none)"));
        } else if (rule.cooldown().isNegative()) {
            errors.add(new FieldError("cooldown", "must not be negative"));
        }
        ActionValidator.validate(errors, rule);
        return errors;
    }

    private static void validateScope(List<FieldError> errors, Scope scope) {
        if (scope == null) {
            errors.add(new FieldError("scope", "required: project, environment and flags"));
            return;
        }
        requireText(errors, "scope.project", scope.project());
        requireText(errors, "scope.environment", scope.environment());
        FlagSelector flags = scope.flags();
        if (flags == null) {
            errors.add(new FieldError("scope.flags", "required: a flag key, a tag, or all flags"));
        } else if (flags instanceof FlagSelector.ByKey byKey) {
            requireText(errors, "scope.flags.flagKey", byKey.flagKey());
        } else if (flags instanceof FlagSelector.ByTag byTag) {
            requireText(errors, "scope.flags.tag", byTag.tag());
        }
    }

    private static Metric validateMetric(List<FieldError> errors, String key) {
        if (key == null || key.isBlank()) {
            errors.add(new FieldError("metric", "required for verdict rules: one of " + KNOWN_METRICS));
            return null;
        }
        Metric metric = Metric.fromKey(key).orElse(null);
        if (metric == null) {
            errors.add(new FieldError("metric", "unknown metric '" + key + "': one of " + KNOWN_METRICS));
        } else if (!metric.assessedByAnalytics()) {
            errors.add(new FieldError("metric", "'" + key + "' is not assessed by analytics yet: it compares the"
                    + " geometric mean of latency (the median under its log-normal model); use latency or"
                    + " latency_p50"));
        }
        return metric;
    }

    private static void validateCondition(List<FieldError> errors, Condition condition, Metric metric) {
        if (condition == null) {
            errors.add(new FieldError("condition", "required for verdict rules: an absolute threshold, or an"
                    + " increase over control or baseline"));
        } else if (condition instanceof Condition.AbsoluteThreshold threshold) {
            double value = threshold.value();
            if (!Double.isFinite(value) || value < 0) {
                errors.add(new FieldError("condition.value", "must be a number >= 0"));
            } else if (metric != null && metric.kind() == Metric.Kind.RATE && value > 1) {
                errors.add(new FieldError("condition.value", "a rate is a fraction between 0 and 1 (0.05 = 5%)"));
            }
        } else if (condition instanceof Condition.Increase increase) {
            if (!Double.isFinite(increase.amount()) || increase.amount() < 0) {
                errors.add(new FieldError("condition.amount", "must be a number >= 0"));
            }
            if (increase.unit() == null) {
                errors.add(new FieldError("condition.unit", "required: POINTS or PERCENT"));
            } else if (increase.unit() == IncreaseUnit.POINTS && metric != null
                    && metric.kind() != Metric.Kind.RATE) {
                errors.add(new FieldError("condition.unit", "points apply to rates; use PERCENT for " + metric.key()));
            } else if (increase.unit() == IncreaseUnit.POINTS && increase.amount() > 100) {
                errors.add(new FieldError("condition.amount", "a rate cannot rise by more than 100 points"));
            }
            if (!(increase.confidence() > 0.5 && increase.confidence() < 1)) {
                errors.add(new FieldError("condition.confidence", "must be strictly between 0.5 and 1, e.g. 0.99"));
            }
        }
    }

    static void requireText(List<FieldError> errors, String path, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(path, "required"));
        }
    }
}
