package io.lightswitch.analytics.aggregate;

/** An error group row: one fingerprint for one flag variant (empty flag and variant: all traffic). */
public record ErrorKey(String project, String environment, String flagKey, String variant, String fingerprint) {

    public String id() {
        return project + "\u001f" + environment + "\u001f" + flagKey + "\u001f" + variant + "\u001f" + fingerprint;
    }
}
