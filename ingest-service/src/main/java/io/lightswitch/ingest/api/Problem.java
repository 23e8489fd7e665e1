package io.lightswitch.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the error body of the RUM and webhook endpoints (OTLP answers google.rpc.Status). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://lightswitch.dev/problems/";

    /** One rejected input field: a path such as {@code events[2].lcp} and why. */
    public record FieldError(String field, String reason) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(BASE + slug, title, status, detail, List.of());
    }

    public static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(BASE + slug, title, status, detail, errors);
    }
}
