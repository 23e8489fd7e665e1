package io.lightswitch.flag.domain.evaluation;

/**
 * The outcome of evaluating one flag. On success {@code errorCode} and {@code errorDetails} are null; on
 * error {@code value} and {@code variant} are null and {@code reason} is {@link Reason#ERROR}.
 */
public record EvaluationResult(
        String flagKey,
        Object value,
        String variant,
        Reason reason,
        ErrorCode errorCode,
        String errorDetails,
        long flagVersion) {

    public static EvaluationResult success(String flagKey, Object value, String variant, Reason reason, long flagVersion) {
        return new EvaluationResult(flagKey, value, variant, reason, null, null, flagVersion);
    }

    public static EvaluationResult error(String flagKey, ErrorCode errorCode, String errorDetails, long flagVersion) {
        return new EvaluationResult(flagKey, null, null, Reason.ERROR, errorCode, errorDetails, flagVersion);
    }

    /** An error for a flag that has no version to report, such as one that does not exist. */
    public static EvaluationResult error(String flagKey, ErrorCode errorCode, String errorDetails) {
        return error(flagKey, errorCode, errorDetails, 0L);
    }

    public boolean isError() {
        return errorCode != null;
    }
}
