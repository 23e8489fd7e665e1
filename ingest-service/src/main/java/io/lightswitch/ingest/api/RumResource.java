package io.lightswitch.ingest.api;

import io.lightswitch.ingest.access.AllowedOrigins;
import io.lightswitch.ingest.access.IngestAuthenticator;
import io.lightswitch.ingest.access.IngestKeys;
import io.lightswitch.ingest.access.RumAuthenticator;
import io.lightswitch.ingest.config.IngestConfig;
import io.lightswitch.ingest.config.RumConfig;
import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestException.Kind;
import io.lightswitch.ingest.domain.RefusedException;
import io.lightswitch.ingest.domain.RumService;
import io.lightswitch.ingest.rum.BeaconParseResult;
import io.lightswitch.ingest.rum.FieldError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * RUM beacons, schema v1 (docs/rum-beacon-v1.md): {@code POST /rum/v1/beacons} as JSON or as text/plain
 * (what {@code navigator.sendBeacon} sends for a string), authenticated by the environment's client key
 * and checked against its allowed origins. Answered 202 only after the broker confirmed the RumBatch.
 */
@Path("/rum/v1/beacons")
public class RumResource {

    private static final String ORIGIN = "Origin";

    private final RumAuthenticator authenticator;
    private final AllowedOrigins origins;
    private final IngestKeys keys;
    private final RumService rum;
    private final long maxBodySize;
    private final Duration retryAfter;

    public RumResource(RumAuthenticator authenticator, AllowedOrigins origins, IngestKeys keys, RumService rum,
                       RumConfig config, IngestConfig ingestConfig) {
        this.authenticator = authenticator;
        this.origins = origins;
        this.keys = keys;
        this.rum = rum;
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.retryAfter = ingestConfig.ingest().retryAfter();
    }

    /**
     * A preflight carries no headers of the real request, so the environment is known only from a
     * {@code ?key=}; without one, an origin some environment accepts passes, and the POST decides.
     */
    @OPTIONS
    public Response preflight(@HeaderParam(ORIGIN) String origin, @QueryParam("key") String key) {
        if (origin == null) {
            return Response.noContent().header("Allow", "POST, OPTIONS").build();
        }
        IngestKeys.Credential credential = key == null || key.isBlank() ? null : keys.credential(key.trim());
        boolean allowed = credential != null && IngestKeys.CLIENT_KIND.equals(credential.kind())
                ? origins.allows(credential.attribution(), origin)
                : origins.allowedAnywhere(origin);
        if (!allowed) {
            return Problems.of(originRefused(origin), retryAfter).build();
        }
        return Cors.preflight(Response.noContent(), origin).build();
    }

    @POST
    public Uni<Response> beacon(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @HeaderParam(IngestAuthenticator.KEY_HEADER) String headerKey,
                                @QueryParam("key") String queryKey,
                                @HeaderParam(ORIGIN) String origin,
                                byte[] body) {
        Attribution attribution;
        try {
            attribution = authenticator.authenticate(authorization, headerKey, queryKey);
            // a text/plain beacon is sent without a preflight, so the browser's CORS check never runs
            if (origin != null && !origins.allows(attribution, origin)) {
                throw originRefused(origin);
            }
        } catch (IngestException e) {
            rum.refused(e.reason());
            return Uni.createFrom().item(Problems.of(e, retryAfter).build());
        } catch (RefusedException e) {
            rum.refused(e.reason());
            return Uni.createFrom().item(Problems.of(e, retryAfter).build());
        }
        try {
            checkContentType(contentType);
            if (body != null && body.length > maxBodySize) {
                throw new IngestException(Kind.TOO_LARGE, "the beacon is larger than " + maxBodySize + " bytes");
            }
        } catch (IngestException e) {
            rum.refused(e.reason());
            return Uni.createFrom().item(withCors(Problems.of(e, retryAfter), origin));
        }
        return rum.ingest(body, attribution)
                .map(result -> withCors(answer(result), origin))
                .onFailure().recoverWithItem(e -> withCors(Problems.of(e, retryAfter), origin));
    }

    private static Response.ResponseBuilder answer(BeaconParseResult result) {
        if (!result.accepted()) {
            return Problems.respond(Problem.of("invalid-beacon", "Invalid beacon", 400,
                    "the beacon was refused as a whole: " + result.errors().get(0), fields(result.errors())));
        }
        return Response.accepted(new BeaconAccepted(result.beacon().events().size(), result.rejectedEvents(),
                fields(result.errors()))).type(MediaType.APPLICATION_JSON);
    }

    private static List<Problem.FieldError> fields(List<FieldError> errors) {
        return errors.stream().map(e -> new Problem.FieldError(e.path(), e.reason())).toList();
    }

    private static void checkContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(MediaType.APPLICATION_JSON) && !type.equals(MediaType.TEXT_PLAIN)) {
            throw new IngestException(Kind.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
                    + (contentType == null ? "(none)" : contentType)
                    + " is not supported; send application/json or text/plain");
        }
    }

    private static RefusedException originRefused(String origin) {
        return new RefusedException(RefusedException.Kind.FORBIDDEN,
                "origin " + origin + " is not allowed to send beacons to this environment");
    }

    private static Response withCors(Response.ResponseBuilder response, String origin) {
        return (origin == null ? response : Cors.allowOrigin(response, origin)).build();
    }
}
