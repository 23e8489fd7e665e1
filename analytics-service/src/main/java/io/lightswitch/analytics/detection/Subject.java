package io.lightswitch.analytics.detection;

/** Whose impact is assessed: a flag's variant (the treatment cohort) in a slice of the traffic. */
public record Subject(String flagKey, String variant, Slice slice) {

    public static Subject of(String flagKey, String variant) {
        return new Subject(flagKey, variant, Slice.ALL);
    }

    public Subject in(Slice other) {
        return new Subject(flagKey, variant, other);
    }

    public String cohort() {
        return flagKey + "=" + variant;
    }
}
