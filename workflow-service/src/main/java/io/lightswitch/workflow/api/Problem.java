package io.lightswitch.workflow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the body of every error of the API; errors name fields as flag-service does. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Field> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://lightswitch.dev/problems/";

    /** One rejected field: a path such as {@code actions[1].url}, and why. */
    public record Field(String field, String reason) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(BASE + slug, title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<Field> errors) {
        return new Problem(BASE + "invalid-request", "Invalid request", 400, detail, errors);
    }
}
