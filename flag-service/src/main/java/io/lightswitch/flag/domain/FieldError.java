package io.lightswitch.flag.domain;

/** One rejected input field: a JSON-pointer-like path and why it was rejected. */
public record FieldError(String field, String reason) {
}
