package io.lightswitch.flag.domain.evaluation;

/** A targeting rule: its segment (if any) and its inline conditions (if any) must both match. */
final class CompiledRule {

    private final ConditionGroup segment;
    private final ConditionGroup conditions;
    private final CompiledServe serve;

    /** {@code segment} and {@code conditions} are null when the rule has none. */
    CompiledRule(ConditionGroup segment, ConditionGroup conditions, CompiledServe serve) {
        this.segment = segment;
        this.conditions = conditions;
        this.serve = serve;
    }

    boolean matches(EvaluationContext context) {
        return (segment == null || segment.matches(context)) && (conditions == null || conditions.matches(context));
    }

    CompiledServe serve() {
        return serve;
    }
}
