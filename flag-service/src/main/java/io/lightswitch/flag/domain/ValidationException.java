package io.lightswitch.flag.domain;

import java.util.List;

/** Input that cannot be accepted; every bad field is named. */
public class ValidationException extends RuntimeException {
    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String reason) {
        return new ValidationException(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
