package io.lightswitch.workflow.domain.validation;

/** One bad field of a rule, for problem+json {@code errors[]}: {@code actions[1].url}, and why. */
public record FieldError(String path, String reason) {
}
