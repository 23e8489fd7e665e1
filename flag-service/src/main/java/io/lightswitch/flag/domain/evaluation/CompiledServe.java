package io.lightswitch.flag.domain.evaluation;

/** What a matched rule, or the default, hands out. */
interface CompiledServe {

    EvaluationResult serve(String targetingKey);
}
