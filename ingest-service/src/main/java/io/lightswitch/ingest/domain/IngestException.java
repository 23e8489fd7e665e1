package io.lightswitch.ingest.domain;

/**
 * Why a whole request is refused. Each kind maps to one HTTP status and one gRPC status; the message is
 * for the client and goes into the google.rpc.Status it receives.
 */
public class IngestException extends RuntimeException {

    public enum Kind {
        UNDECODABLE, UNAUTHENTICATED, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, OVERLOADED, UNAVAILABLE
    }

    private final Kind kind;

    public IngestException(Kind kind, String message) {
        this(kind, message, null);
    }

    public IngestException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
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
