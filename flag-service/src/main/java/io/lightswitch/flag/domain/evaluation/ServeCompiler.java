package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.WeightedVariant;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles what rules, overrides and the default serve for one flag, building each (variant, reason)
 * result once. Problems are added to the error list; when any was added the returned objects are
 * incomplete and must be discarded.
 */
final class ServeCompiler {

    private final String flagKey;
    private final long flagVersion;
    private final Map<String, Object> variants;
    private final BucketHasher hasher;
    private final EvaluationResult targetingKeyMissing;
    private final List<FieldError> errors;
    private final Map<Reason, Map<String, EvaluationResult>> results = new EnumMap<>(Reason.class);

    ServeCompiler(String flagKey, String salt, long flagVersion, Map<String, Object> variants, List<FieldError> errors) {
        this.flagKey = flagKey;
        this.flagVersion = flagVersion;
        this.variants = variants;
        this.hasher = BucketHasher.forFlag(flagKey, salt);
        this.targetingKeyMissing = EvaluationResult.error(flagKey, ErrorCode.TARGETING_KEY_MISSING,
                "flag '" + flagKey + "' splits users by targeting key, but the context has none", flagVersion);
        this.errors = errors;
    }

    /** A fixed variant or a split found at {@code path}; a fixed variant is reported with {@code reason}. */
    CompiledServe compile(Serve serve, String path, Reason reason) {
        if (serve == null) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if ((serve.variant() != null) == serve.isSplit()) {
            errors.add(new FieldError(path, "needs exactly one of variant or split"));
            return null;
        }
        if (serve.isSplit()) {
            return compileSplit(serve.split(), path + ".split");
        }
        return new FixedServe(result(serve.variant(), path + ".variant", reason));
    }

    /** The shared result serving {@code variant}, reporting an unknown variant at {@code path}. */
    EvaluationResult result(String variant, String path, Reason reason) {
        if (variant == null) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (!variants.containsKey(variant)) {
            errors.add(new FieldError(path, "unknown variant '" + variant + "'"));
            return null;
        }
        return results.computeIfAbsent(reason, unused -> new HashMap<>()).computeIfAbsent(variant,
                unused -> EvaluationResult.success(flagKey, variants.get(variant), variant, reason, flagVersion));
    }

    private CompiledServe compileSplit(List<WeightedVariant> split, String path) {
        if (split.isEmpty()) {
            errors.add(new FieldError(path, "needs at least one variant"));
            return null;
        }
        int errorsBefore = errors.size();
        int[] bucketCounts = new int[split.size()];
        EvaluationResult[] entryResults = new EvaluationResult[split.size()];
        BigDecimal totalPercent = BigDecimal.ZERO;
        for (int i = 0; i < bucketCounts.length; i++) {
            WeightedVariant entry = split.get(i);
            String entryPath = path + "[" + i + "]";
            entryResults[i] = result(entry.variant(), entryPath + ".variant", Reason.SPLIT);
            double weight = entry.weight();
            if (!(weight >= 0 && weight <= 100)) {
                errors.add(new FieldError(entryPath + ".weight", "must be a percentage from 0 to 100"));
                continue;
            }
            bucketCounts[i] = SplitWeights.toBuckets(weight);
            totalPercent = totalPercent.add(BigDecimal.valueOf(weight));
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        if (!SplitWeights.coversAllBuckets(bucketCounts)) {
            errors.add(new FieldError(path, "weights add up to " + totalPercent.stripTrailingZeros().toPlainString()
                    + ", not 100"));
            return null;
        }
        return new SplitServe(hasher, SplitWeights.upperBounds(bucketCounts), entryResults, targetingKeyMissing);
    }
}
