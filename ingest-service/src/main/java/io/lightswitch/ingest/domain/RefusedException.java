package io.lightswitch.ingest.domain;

/**
 * Why a beacon or webhook is refused for reasons OTLP does not have; kept apart from
 * {@link IngestException}, whose kinds each map to an OTLP and a gRPC status.
 */
public class RefusedException extends RuntimeException {

    public enum Kind {
        /** Authenticated, but this key or origin may not send here. */
        FORBIDDEN,
        /** The endpoint exists but its integration has no secret configured. */
        NOT_CONFIGURED
    }

    private final Kind kind;

    public RefusedException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The metric tag of the refusal. */
    public String reason() {
        return kind.name().toLowerCase().replace('_', '-');
    }
}
