package io.lightswitch.flag.domain;

import java.util.List;
import java.util.regex.Pattern;

/** Keys appear in URLs, events and SDK calls, so they are short, lower-case and URL-safe. */
public final class KeyRules {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private KeyRules() {
    }

    public static void check(String field, String key, List<FieldError> errors) {
        if (key == null || key.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!KEY.matcher(key).matches()) {
            errors.add(new FieldError(field, "must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"));
        }
    }

    public static void requireText(String field, String value, int maxLength, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
    }

    public static void optionalText(String field, String value, int maxLength, List<FieldError> errors) {
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
