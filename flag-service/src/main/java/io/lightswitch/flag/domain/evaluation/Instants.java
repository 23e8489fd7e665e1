package io.lightswitch.flag.domain.evaluation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads points in time for before/after: an ISO-8601 instant ("2024-05-01T12:00:00Z", offsets allowed),
 * a date "yyyy-MM-dd" meaning its start in UTC, or a JSON number of epoch milliseconds.
 *
 * <p>The usual forms, a date or a UTC instant like "2024-05-01T12:00:00.250Z", are read by hand: the
 * JDK's formatter-based parsers cost about a microsecond and a kilobyte of garbage per call, which an
 * attribute read on every evaluation cannot afford. Everything else goes to {@link Instant#parse}.
 */
final class Instants {

    private static final int DATE_LENGTH = "yyyy-MM-dd".length();
    private static final int SECONDS_END = "yyyy-MM-ddTHH:mm:ss".length();
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int SECONDS_PER_DAY = 86_400;

    private Instants() {
    }

    /** The instant, or null when the value is none of the accepted forms. */
    static Instant parse(Object value) {
        if (value instanceof Number epochMillis) {
            return Instant.ofEpochMilli(epochMillis.longValue());
        }
        if (!(value instanceof String text) || !startsWithDate(text)) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
            if (text.length() == DATE_LENGTH) {
                return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY);
            }
            return isPlainUtcInstant(text) ? plainUtcInstant(text, epochDay) : Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean startsWithDate(String text) {
        return text.length() >= DATE_LENGTH && allDigits(text, 0, 4) && text.charAt(4) == '-'
                && allDigits(text, 5, 7) && text.charAt(7) == '-' && allDigits(text, 8, 10);
    }

    /** "yyyy-MM-ddTHH:mm:ss", an optional fraction of one to nine digits, then "Z". */
    private static boolean isPlainUtcInstant(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(10) != 'T' || !allDigits(text, 11, 13) || text.charAt(13) != ':'
                || !allDigits(text, 14, 16) || text.charAt(16) != ':' || !allDigits(text, 17, 19)
                || text.charAt(length - 1) != 'Z') {
            return false;
        }
        int fractionEnd = length - 1;
        if (fractionEnd == SECONDS_END) {
            return true;
        }
        int fractionDigits = fractionEnd - SECONDS_END - 1;
        return text.charAt(SECONDS_END) == '.' && fractionDigits >= 1 && fractionDigits <= MAX_FRACTION_DIGITS
                && allDigits(text, SECONDS_END + 1, fractionEnd);
    }

    private static Instant plainUtcInstant(String text, long epochDay) {
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            // includes leap seconds, which Instant.parse has its own rules for
            return Instant.parse(text);
        }
        int nanos = 0;
        int fractionEnd = text.length() - 1;
        if (fractionEnd > SECONDS_END) {
            nanos = digits(text, SECONDS_END + 1, fractionEnd);
            for (int i = fractionEnd - SECONDS_END - 1; i < MAX_FRACTION_DIGITS; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number written by the ASCII digits in [from, to), at most nine of them. */
    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + (text.charAt(i) - '0');
        }
        return number;
    }
}
