package io.lightswitch.workflow.domain;

import io.lightswitch.workflow.domain.validation.FieldError;
import java.util.List;

/** Input that cannot be accepted; every bad field is named. */
public class ValidationException extends RuntimeException {
    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).path() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String path, String reason) {
        return new ValidationException(List.of(new FieldError(path, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
