package io.lightswitch.contracts;

/** Envelope {@code type} names; a breaking change to a payload is a new type or a new version. */
public final class MessageTypes {
    public static final String FLAG_CHANGED = "FlagChanged";
    public static final String FLAG_DELETED = "FlagDeleted";
    public static final String FLAG_EXPOSED = "FlagExposed";
    public static final String SEGMENT_CHANGED = "SegmentChanged";
    public static final String CREDENTIAL_ISSUED = "CredentialIssued";
    public static final String CREDENTIAL_REVOKED = "CredentialRevoked";
    public static final String DISABLE_FLAG = "DisableFlag";
    public static final String SET_ROLLOUT = "SetRollout";
    public static final String SPAN_BATCH = "SpanBatch";
    public static final String RUM_BATCH = "RumBatch";
    public static final String IMPACT_ASSESSED = "ImpactAssessed";
    public static final String ANOMALY_DETECTED = "AnomalyDetected";

    private MessageTypes() {
    }
}
