package io.lightswitch.flag.domain.evaluation;

import org.semver4j.Semver;

/**
 * Reads semantic versions leniently: strict semver first, then semver4j's coercion, so "1.2" is 1.2.0
 * and "v2" is 2.0.0.
 *
 * <p>Attributes are usually plain "MAJOR.MINOR.PATCH" app versions, and semver4j parses with regular
 * expressions at about a microsecond per call. {@link #packPlain} reads those plain forms without the
 * library or any allocation; {@link #compare(long, Semver)} compares them with the same precedence.
 */
final class Versions {

    static final long NOT_PLAIN = -1L;

    private static final int PART_BITS = 21;
    private static final long PART_MASK = (1L << PART_BITS) - 1;
    /** Six digits always fit in a part. */
    private static final int MAX_PART_DIGITS = 6;
    private static final int MAX_PARTS = 3;

    private Versions() {
    }

    /** The version text of a String or Number attribute, null for other types. */
    static String text(Object value) {
        return value instanceof String || value instanceof Number ? TextForm.of(value) : null;
    }

    /** The version, or null when even coercion finds none. */
    static Semver parseLenient(String text) {
        Semver strict = Semver.parse(text);
        return strict != null ? strict : Semver.coerce(text);
    }

    /**
     * Packs "[v|V]MAJOR[.MINOR[.PATCH]]" (absent parts are 0, no leading zeros, at most six digits each)
     * into {@code major << 42 | minor << 21 | patch}; {@link #NOT_PLAIN} for anything else, which must
     * then go through {@link #parseLenient}.
     */
    static long packPlain(String text) {
        int length = text.length();
        int i = length > 0 && (text.charAt(0) == 'v' || text.charAt(0) == 'V') ? 1 : 0;
        long packed = 0;
        int parts = 0;
        while (true) {
            int start = i;
            int part = 0;
            while (i < length && i - start < MAX_PART_DIGITS && isDigit(text.charAt(i))) {
                part = part * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || (digits > 1 && text.charAt(start) == '0')) {
                return NOT_PLAIN;
            }
            packed = packed << PART_BITS | part;
            parts++;
            if (i == length) {
                return packed << PART_BITS * (MAX_PARTS - parts);
            }
            if (text.charAt(i) != '.' || parts == MAX_PARTS) {
                return NOT_PLAIN;
            }
            i++;
        }
    }

    /** Semver precedence of a packed plain version against a parsed one. */
    static int compare(long packed, Semver version) {
        int byNumbers = Integer.compare(part(packed, 2), version.getMajor());
        if (byNumbers == 0) {
            byNumbers = Integer.compare(part(packed, 1), version.getMinor());
        }
        if (byNumbers == 0) {
            byNumbers = Integer.compare(part(packed, 0), version.getPatch());
        }
        if (byNumbers != 0) {
            return byNumbers;
        }
        // a release ranks above its own pre-releases
        return version.getPreRelease().isEmpty() ? 0 : 1;
    }

    private static int part(long packed, int fromRight) {
        return (int) (packed >>> PART_BITS * fromRight & PART_MASK);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
