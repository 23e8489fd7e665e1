package io.lightswitch.contracts;

/** Routing keys, {@code <aggregate>.<verb>}. */
public final class RoutingKeys {
    public static final String FLAG_CHANGED = "flag.changed";
    public static final String FLAG_DELETED = "flag.deleted";
    public static final String FLAG_EXPOSED = "flag.exposed";
    public static final String SEGMENT_CHANGED = "segment.changed";
    public static final String CREDENTIAL_ISSUED = "credential.issued";
    public static final String CREDENTIAL_REVOKED = "credential.revoked";

    public static final String SPANS_BATCH = "spans.batch";
    public static final String EXPOSURES_BATCH = "exposures.batch";
    public static final String RUM_BATCH = "rum.batch";
    public static final String PROVIDER_FLAG_CHANGED = "provider.flag-changed";

    public static final String IMPACT_ASSESSED = "impact.assessed";
    public static final String ANOMALY_DETECTED = "anomaly.detected";

    public static final String FLAG_DISABLE = "flag.disable";
    public static final String FLAG_SET_ROLLOUT = "flag.set-rollout";

    private RoutingKeys() {
    }
}
