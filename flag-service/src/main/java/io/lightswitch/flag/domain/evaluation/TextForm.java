package io.lightswitch.flag.domain.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The text a scalar is compared by in string operators: strings as they are, booleans as
 * {@code "true"}/{@code "false"}, numbers in plain decimal without a trailing {@code ".0"}, so that
 * {@code 5}, {@code 5.0} and {@code "5"} are all {@code "5"}.
 */
final class TextForm {

    /** Doubles below this magnitude are exact when integral and print like a long. */
    private static final double EXACT_LONG_LIMIT = 0x1p53;

    private TextForm() {
    }

    /** The text form of a String, Boolean or Number; null for anything else. */
    static String of(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean flag) {
            return flag ? "true" : "false";
        }
        if (value instanceof Number number) {
            return ofNumber(number);
        }
        return null;
    }

    private static String ofNumber(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (number instanceof Float) {
            // via the float's own shortest text, not the widened double's (0.1f is not 0.1d)
            return plain(new BigDecimal(number.toString()));
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG_LIMIT) {
            return Long.toString((long) value);
        }
        return plain(BigDecimal.valueOf(value));
    }

    private static String plain(BigDecimal decimal) {
        return decimal.stripTrailingZeros().toPlainString();
    }
}
