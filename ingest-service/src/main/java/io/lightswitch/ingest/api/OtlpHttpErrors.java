package io.lightswitch.ingest.api;

import com.google.rpc.Code;
import com.google.rpc.Status;
import io.lightswitch.ingest.domain.IngestException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The error answers of the OTLP/HTTP endpoints: the status the OTLP specification prescribes, with a
 * google.rpc.Status body in the request's encoding (JSON when the encoding itself was refused), and
 * Retry-After on the retryable ones.
 */
final class OtlpHttpErrors {

    private static final Logger LOG = Logger.getLogger(OtlpHttpErrors.class);

    private OtlpHttpErrors() {
    }

    static Response of(Throwable failure, OtlpEncoding encoding, Duration retryAfter) {
        if (!(failure instanceof IngestException e)) {
            LOG.error("unexpected failure while ingesting", failure);
            return respond(500, Code.INTERNAL, "the telemetry could not be taken; it is safe to retry", encoding)
                    .build();
        }
        return switch (e.kind()) {
            case UNDECODABLE -> respond(400, Code.INVALID_ARGUMENT, e.getMessage(), encoding).build();
            case UNAUTHENTICATED -> respond(401, Code.UNAUTHENTICATED, e.getMessage(), encoding)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lightswitch-ingest\"").build();
            case TOO_LARGE -> respond(413, Code.RESOURCE_EXHAUSTED, e.getMessage(), encoding).build();
            case UNSUPPORTED_MEDIA_TYPE -> respond(415, Code.INVALID_ARGUMENT, e.getMessage(), encoding).build();
            case OVERLOADED -> respond(429, Code.RESOURCE_EXHAUSTED, e.getMessage(), encoding)
                    .header(HttpHeaders.RETRY_AFTER, seconds(retryAfter)).build();
            case UNAVAILABLE -> respond(503, Code.UNAVAILABLE, e.getMessage(), encoding)
                    .header(HttpHeaders.RETRY_AFTER, seconds(retryAfter)).build();
        };
    }

    private static Response.ResponseBuilder respond(int status, Code code, String message, OtlpEncoding encoding) {
        OtlpEncoding answer = encoding == null ? OtlpEncoding.JSON : encoding;
        Status body = Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
        return Response.status(status).type(answer.mediaType).entity(answer.write(body));
    }

    private static String seconds(Duration retryAfter) {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
