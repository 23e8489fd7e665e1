package io.lightswitch.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the body of every error of the query API. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://lightswitch.dev/problems/";

    /** One rejected input: the query parameter's name and why. */
    public record FieldError(String field, String reason) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(BASE + slug, title, status, detail, List.of());
    }

    public static Problem invalidParameter(String parameter, String reason) {
        return new Problem(BASE + "invalid-request", "Invalid request", 400, parameter + " " + reason,
                List.of(new FieldError(parameter, reason)));
    }
}
