package io.lightswitch.ingest.api;

import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.RefusedException;
import io.lightswitch.ingest.webhook.WebhookPayloadException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The error catalogue of the RUM and webhook endpoints: every refusal becomes problem+json here, with
 * Retry-After on the retryable ones (429, 503) so browsers' SDKs and providers try again.
 */
final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    private Problems() {
    }

    static Response.ResponseBuilder of(Throwable failure, Duration retryAfter) {
        if (failure instanceof IngestException e) {
            return switch (e.kind()) {
                case UNDECODABLE -> respond(Problem.of("invalid-request", "Invalid request", 400, e.getMessage()));
                case UNAUTHENTICATED -> respond(Problem.of("unauthenticated", "Unauthenticated", 401, e.getMessage()))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lightswitch-ingest\"");
                case TOO_LARGE -> respond(Problem.of("payload-too-large", "Payload too large", 413, e.getMessage()));
                case UNSUPPORTED_MEDIA_TYPE -> respond(Problem.of("unsupported-media-type", "Unsupported media type",
                        415, e.getMessage()));
                case OVERLOADED -> respond(Problem.of("overloaded", "Too many requests", 429, e.getMessage()))
                        .header(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
                case UNAVAILABLE -> respond(Problem.of("unavailable", "Service unavailable", 503, e.getMessage()))
                        .header(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
            };
        }
        if (failure instanceof RefusedException e) {
            return switch (e.kind()) {
                case FORBIDDEN -> respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage()));
                case NOT_CONFIGURED -> respond(Problem.of("not-configured", "Integration not configured", 404,
                        e.getMessage()));
            };
        }
        if (failure instanceof WebhookPayloadException e) {
            return respond(Problem.of("invalid-payload", "Invalid webhook payload", 400, e.getMessage()));
        }
        LOG.error("unexpected failure while ingesting", failure);
        return respond(Problem.of("internal", "Internal error", 500, "the request could not be taken; it is safe to retry"));
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String seconds(Duration retryAfter) {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
