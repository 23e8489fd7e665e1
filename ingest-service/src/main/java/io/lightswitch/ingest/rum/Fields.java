package io.lightswitch.ingest.rum;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Typed reads of beacon fields; each throws {@link InvalidField} naming the path it failed on. */
final class Fields {

    private Fields() {
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    static String requiredText(JsonNode parent, String field, String path, int maxChars) {
        String value = optionalText(parent, field, path, maxChars);
        if (value == null) {
            throw new InvalidField(path + field, "required");
        }
        return value;
    }

    /** Free text: over {@code maxChars} it is cut, never rejected. */
    static String optionalText(JsonNode parent, String field, String path, int maxChars) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidField(path + field, "must be a string");
        }
        String text = node.textValue();
        return text.isBlank() ? null : truncate(text, maxChars);
    }

    /** Identifiers are exact or refused: a cut id would join the wrong session or user. */
    static String identifier(JsonNode parent, String field, String path, int maxChars, boolean required) {
        JsonNode node = parent.get(field);
        if (absent(node) || (node.isTextual() && node.textValue().isBlank())) {
            if (required) {
                throw new InvalidField(path + field, "required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidField(path + field, "must be a string");
        }
        String id = node.textValue().strip();
        if (id.length() > maxChars) {
            throw new InvalidField(path + field, "longer than " + maxChars + " characters");
        }
        return id;
    }

    static Double nonNegative(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidField(path + field, "must be a number");
        }
        if (node.doubleValue() < 0) {
            throw new InvalidField(path + field, "must not be negative");
        }
        return node.doubleValue();
    }

    static Double finite(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidField(path + field, "must be a number");
        }
        return node.doubleValue();
    }

    static Integer nonNegativeInt(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidField(path + field, "must be an integer");
        }
        if (node.intValue() < 0) {
            throw new InvalidField(path + field, "must not be negative");
        }
        return node.intValue();
    }

    /** Epoch milliseconds (as Date.now() or performance.timeOrigin + now() give) or an ISO-8601 instant. */
    static Instant instant(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            throw new InvalidField(path + field, "required");
        }
        if (node.isNumber()) {
            double millis = node.doubleValue();
            if (!Double.isFinite(millis) || millis <= 0 || millis > Long.MAX_VALUE) {
                throw new InvalidField(path + field, "must be positive epoch milliseconds");
            }
            return Instant.ofEpochMilli((long) millis);
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.textValue().strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidField(path + field, "must be epoch milliseconds or an ISO-8601 instant");
            }
        }
        throw new InvalidField(path + field, "must be epoch milliseconds or an ISO-8601 instant");
    }

    static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }
}
