package io.lightswitch.ingest.grpc;

import io.grpc.Status;
import io.lightswitch.ingest.domain.IngestException;
import org.jboss.logging.Logger;

/**
 * The OTLP/gRPC status of a refusal. Overload and broker outage are both UNAVAILABLE: OTLP exporters
 * always retry it with backoff, while RESOURCE_EXHAUSTED is retried only with RetryInfo attached.
 */
final class GrpcStatuses {

    private static final Logger LOG = Logger.getLogger(GrpcStatuses.class);

    private GrpcStatuses() {
    }

    static Status of(Throwable failure) {
        if (!(failure instanceof IngestException e)) {
            LOG.error("unexpected failure while ingesting", failure);
            return Status.INTERNAL.withDescription("the telemetry could not be taken; it is safe to retry");
        }
        Status status = switch (e.kind()) {
            case UNDECODABLE, UNSUPPORTED_MEDIA_TYPE -> Status.INVALID_ARGUMENT;
            case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
            case TOO_LARGE -> Status.RESOURCE_EXHAUSTED;
            case OVERLOADED, UNAVAILABLE -> Status.UNAVAILABLE;
        };
        return status.withDescription(e.getMessage());
    }
}
