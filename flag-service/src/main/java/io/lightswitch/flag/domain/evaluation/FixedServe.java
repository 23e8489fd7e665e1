package io.lightswitch.flag.domain.evaluation;

/** Serves one variant; the result is built once and shared because records are immutable. */
record FixedServe(EvaluationResult result) implements CompiledServe {

    @Override
    public EvaluationResult serve(String targetingKey) {
        return result;
    }
}
