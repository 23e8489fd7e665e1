package io.lightswitch.flag.domain.evaluation;

/** Reads numbers for the numeric operators: JSON numbers, or strings written as decimal numbers. */
final class Numbers {

    private Numbers() {
    }

    /** The value as a double, or NaN when it is not numeric (NaN fails every comparison). */
    static double parse(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text && isDecimal(text)) {
            return Double.parseDouble(text);
        }
        return Double.NaN;
    }

    /**
     * Whether the text is {@code [+-]digits[.digits][e[+-]digits]} (the fraction or the integer part may
     * be empty, not both). Checked by hand so that non-numeric attributes cost no exception, and so that
     * forms Double.parseDouble also takes, such as "NaN", "0x1p3" or "1d", are rejected.
     */
    private static boolean isDecimal(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        int fractionDigits = 0;
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits + fractionDigits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == length;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
