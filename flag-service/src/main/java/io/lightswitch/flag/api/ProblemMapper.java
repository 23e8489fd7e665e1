package io.lightswitch.flag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.lightswitch.flag.domain.AuthenticationException;
import io.lightswitch.flag.domain.ConflictException;
import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.ForbiddenException;
import io.lightswitch.flag.domain.NotFoundException;
import io.lightswitch.flag.domain.ValidationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The error catalogue: every typed exception becomes problem+json here, and nowhere else. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return respond(Problem.invalid(e.getMessage(), e.errors()));
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
    public Response unauthenticated(AuthenticationException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"lightswitch\"")
                .entity(Problem.of("unauthenticated", "Unauthenticated", 401, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage()));
    }

    /** A concurrent insert of the same key loses the race at the unique index. */
    @ServerExceptionMapper
    public Response duplicate(ConstraintViolationException e) {
        return respond(Problem.of("conflict", "Conflict", 409, "a resource with this key already exists"));
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

    private static FieldError jsonError(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a known field");
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(path(invalid), "has the wrong type or format");
        }
        if (e instanceof MismatchedInputException mismatched) {
            return new FieldError(path(mismatched), "has the wrong type");
        }
        return new FieldError("body", e.getOriginalMessage());
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
