package io.lightswitch.analytics.enrich;

final class Text {

    private Text() {
    }

    /** The first {@code max} chars of {@code text}, one fewer rather than half a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
