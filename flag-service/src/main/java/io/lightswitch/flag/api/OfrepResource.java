package io.lightswitch.flag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightswitch.flag.api.OfrepContextParser.OfrepRequestException;
import io.lightswitch.flag.api.OfrepViews.BulkEvaluation;
import io.lightswitch.flag.api.OfrepViews.BulkFailure;
import io.lightswitch.flag.api.OfrepViews.Evaluation;
import io.lightswitch.flag.domain.access.CredentialDirectory;
import io.lightswitch.flag.domain.access.CredentialKind;
import io.lightswitch.flag.domain.access.Principal;
import io.lightswitch.flag.domain.evaluation.ErrorCode;
import io.lightswitch.flag.domain.evaluation.EvaluationContext;
import io.lightswitch.flag.domain.evaluation.EvaluationResult;
import io.lightswitch.flag.domain.serving.EvaluationService;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.MurmurHash3;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * OpenFeature Remote Evaluation Protocol. Keys come as {@code Authorization: Bearer} or
 * {@code X-API-Key}: a server key sees every flag of its environment, a client key only the
 * client-visible ones. Served from memory on the event loop.
 */
@Path("/ofrep/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenFeature remote evaluation (OFREP)")
public class OfrepResource {

    private final CredentialDirectory directory;
    private final EvaluationService evaluations;
    private final OfrepContextParser parser;
    private final ObjectMapper mapper;

    public OfrepResource(CredentialDirectory directory, EvaluationService evaluations, OfrepContextParser parser,
                         ObjectMapper mapper) {
        this.directory = directory;
        this.evaluations = evaluations;
        this.parser = parser;
        this.mapper = mapper;
    }

    @POST
    @Path("/evaluate/flags/{key}")
    @NonBlocking
    @Operation(summary = "Evaluate one flag for a context")
    public RestResponse<Evaluation> evaluateFlag(@PathParam("key") String key,
                                                 @RestHeader("Authorization") String authorization,
                                                 @RestHeader("X-API-Key") String apiKey,
                                                 @RestHeader("Content-Type") String contentType, byte[] body) {
        Principal principal = authenticate(authorization, apiKey);
        requireJson(contentType, body);
        EvaluationContext context;
        try {
            context = parser.parse(body);
        } catch (OfrepRequestException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                    Evaluation.failure(key, e.errorCode(), e.getMessage()));
        }
        EvaluationResult result = evaluations.evaluate(principal, key, context);
        if (!result.isError()) {
            return RestResponse.ok(Evaluation.of(result));
        }
        return RestResponse.status(result.errorCode() == ErrorCode.FLAG_NOT_FOUND
                ? RestResponse.Status.NOT_FOUND : RestResponse.Status.BAD_REQUEST, Evaluation.of(result));
    }

    @POST
    @Path("/evaluate/flags")
    @NonBlocking
    @Operation(summary = "Evaluate every flag the key may see; answers 304 when If-None-Match names the same ETag")
    public Response evaluateAll(@RestHeader("Authorization") String authorization,
                                @RestHeader("X-API-Key") String apiKey,
                                @RestHeader("Content-Type") String contentType,
                                @RestHeader("If-None-Match") String ifNoneMatch, byte[] body) {
        Principal principal = authenticate(authorization, apiKey);
        requireJson(contentType, body);
        EvaluationContext context;
        try {
            context = parser.parse(body);
        } catch (OfrepRequestException e) {
            return Response.status(400).entity(new BulkFailure(e.errorCode(), e.getMessage())).build();
        }
        List<Evaluation> flags = evaluations.evaluateAll(principal, context).stream().map(Evaluation::of).toList();
        byte[] json = write(new BulkEvaluation(flags));
        String etag = etag(json);
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("ETag", etag).build();
    }

    @GET
    @Path("/configuration")
    @NonBlocking
    @Operation(summary = "What this OFREP server supports")
    public Map<String, Object> configuration(@RestHeader("Authorization") String authorization,
                                             @RestHeader("X-API-Key") String apiKey) {
        authenticate(authorization, apiKey);
        return Map.of("name", "Lightswitch", "capabilities", Map.of(
                "cacheInvalidation", Map.of("polling", Map.of("enabled", true, "minPollingIntervalMs", 1000)),
                "flagEvaluation", Map.of("supportedTypes", List.of("boolean", "string", "integer", "float", "object"))));
    }

    private Principal authenticate(String authorization, String apiKey) {
        String secret = Credentials.apiKey(authorization, apiKey);
        if (secret == null) {
            throw new io.lightswitch.flag.domain.AuthenticationException(
                    "send a server or client key as 'Authorization: Bearer <key>' or 'X-API-Key'");
        }
        Principal principal = directory.authenticate(secret);
        if (principal == null) {
            throw new io.lightswitch.flag.domain.AuthenticationException("the key is unknown or revoked");
        }
        if (principal.kind() != CredentialKind.SERVER && principal.kind() != CredentialKind.CLIENT) {
            throw new io.lightswitch.flag.domain.ForbiddenException(
                    "a " + principal.kind().wireName() + " credential cannot evaluate flags; use a server or client key");
        }
        return principal;
    }

    private static void requireJson(String contentType, byte[] body) {
        if (body != null && body.length > 0 && contentType != null
                && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new jakarta.ws.rs.NotSupportedException("send the context as application/json");
        }
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] json) {
        long[] hash = MurmurHash3.hash128x64(json);
        return "\"" + Long.toHexString(hash[0]) + Long.toHexString(hash[1]) + "\"";
    }
}
