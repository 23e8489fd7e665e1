package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** A flag or segment definition cannot be compiled; {@link #errors()} lists every bad field. */
public final class InvalidFlagConfigException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidFlagConfigException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(error -> error.field() + ": " + error.reason())
                .collect(Collectors.joining("; ", "invalid flag configuration: ", ""));
    }
}
