package io.lightswitch.analytics.query;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the query parameters the API shares; every failure names its parameter. */
public final class Parameters {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private Parameters() {
    }

    /** A duration written {@code 90s}, {@code 5m}, {@code 24h} or {@code 7d}. */
    public static Duration duration(String parameter, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not a duration such as 10s, 5m, 24h or 7d");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) {
            throw new InvalidParameterException(parameter, "must be longer than zero");
        }
        return duration;
    }

    public static Instant instant(String parameter, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        }
    }

    public static int limit(String text, int fallback, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below with the accepted range
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + max);
    }

    /** {@code true}, {@code false}, or null when absent. */
    public static Boolean bool(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameterException(parameter, "must be true or false");
        };
    }

    public static double positive(String parameter, String text, double fallback, double max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value > 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below with the accepted range
        }
        throw new InvalidParameterException(parameter, "must be a number above 0 and at most " + (long) max);
    }

    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
