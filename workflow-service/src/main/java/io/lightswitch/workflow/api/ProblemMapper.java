package io.lightswitch.workflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.lightswitch.workflow.domain.ConflictException;
import io.lightswitch.workflow.domain.NotFoundException;
import io.lightswitch.workflow.domain.ValidationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The error catalogue: every typed exception becomes problem+json here, and nowhere else. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return respond(Problem.invalid(e.getMessage(), e.errors().stream()
                .map(error -> new Problem.Field(error.path(), error.reason())).toList()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of("not-found", "Not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(Problem.of("conflict", "Conflict", 409, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problem.invalid("the body is not valid JSON for this request", List.of(jsonError(e))));
    }

    /** More specific than Quarkus' built-in mapper for this type, so unknown and mistyped fields are named here. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response unsupportedType(NotSupportedException e) {
        return respond(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "send the body as application/json"));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(Problem.of("not-acceptable", "Not acceptable", 406, "this resource answers application/json"));
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e) {
        return respond(Problem.of("method-not-allowed", "Method not allowed", 405, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return respond(Problem.of("payload-too-large", "Payload too large", 413, "the body exceeds the size limit"));
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(title.toLowerCase().replace(' ', '-'), title, status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "the request could not be completed; it is safe to retry"));
    }

    private static Problem.Field jsonError(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.Field(path(unknown), "is not a known field");
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return new Problem.Field(path(typeId) + ".type", "unknown type '" + typeId.getTypeId() + "'");
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return new Problem.Field(path(invalid), "one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", ")));
            }
            return new Problem.Field(path(invalid), "has the wrong type or format");
        }
        if (e instanceof MismatchedInputException mismatched) {
            return new Problem.Field(path(mismatched), "has the wrong type");
        }
        return new Problem.Field("body", e.getOriginalMessage());
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
