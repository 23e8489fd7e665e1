package io.lightswitch.workflow.domain.rule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The rule every environment starts with (docs/default-guard-rule.md): disable a flag whose treatment's error
 * rate is more than 2 points above control at 99% confidence, after 100 requests, at most once per 30 minutes.
 * 99% is analytics' default confidence, so the guard fires on the verdicts analytics publishes by default.
 */
public final class DefaultGuardRule {

    public static final String NAME = "Default guard: error rate";
    public static final double POINTS_ABOVE_CONTROL = 2;
    public static final double CONFIDENCE = 0.99;
    public static final long MIN_SAMPLES = 100;
    public static final Duration COOLDOWN = Duration.ofMinutes(30);

    private DefaultGuardRule() {
    }

    public static Rule forEnvironment(String project, String environment) {
        return new Rule(idFor(project, environment), NAME,
                new Scope(project, environment, FlagSelector.all()), Trigger.VERDICT, Metric.ERROR_RATE.key(),
                new Condition.IncreaseOverControl(POINTS_ABOVE_CONTROL, IncreaseUnit.POINTS, CONFIDENCE),
                MIN_SAMPLES, COOLDOWN, true, false, List.of(new Action.DisableFlag()));
    }

    /** Stable per environment, so creating the guard twice (two replicas, a retried setup) makes one rule. */
    public static String idFor(String project, String environment) {
        String name = "default-guard\n" + project + "\n" + environment;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
