package io.lightswitch.flag.domain.evaluation;

/**
 * Serves a weighted split: a targeting key's bucket selects the first entry whose cumulative upper bound
 * is above it. Results are built once per entry.
 */
final class SplitServe implements CompiledServe {

    private final BucketHasher hasher;
    private final int[] upperBounds;
    private final EvaluationResult[] results;
    private final EvaluationResult targetingKeyMissing;

    SplitServe(BucketHasher hasher, int[] upperBounds, EvaluationResult[] results, EvaluationResult targetingKeyMissing) {
        this.hasher = hasher;
        this.upperBounds = upperBounds;
        this.results = results;
        this.targetingKeyMissing = targetingKeyMissing;
    }

    @Override
    public EvaluationResult serve(String targetingKey) {
        if (targetingKey == null || targetingKey.isBlank()) {
            return targetingKeyMissing;
        }
        int bucket = hasher.bucket(targetingKey);
        int entry = 0;
        // terminates: the last non-zero entry's bound is BUCKETS, above every bucket
        while (bucket >= upperBounds[entry]) {
            entry++;
        }
        return results[entry];
    }
}
