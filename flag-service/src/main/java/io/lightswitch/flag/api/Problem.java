package io.lightswitch.flag.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lightswitch.flag.domain.FieldError;
import java.util.List;

/** RFC 9457 problem details, the body of every error of the admin API. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://lightswitch.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(BASE + slug, title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(BASE + "invalid-request", "Invalid request", 400, detail, errors);
    }
}
