package io.lightswitch.analytics.aggregate;

/** Bounds and cleans free text from telemetry before it becomes part of a key or a stored value. */
public final class Text {

    public static final int MAX_KEY = 200;

    private Text() {
    }

    /** Null stays null; control characters (including the key separator U+001F) and NUL are dropped. */
    public static String clean(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean keep = c >= 0x20 || c == '\n' || c == '\t';
            if (!keep && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
        }
        String cleaned = out == null ? value : out.toString();
        return cleaned.length() > maxLength ? cleaned.substring(0, maxLength) : cleaned;
    }

    /** A key part: never null, at most {@link #MAX_KEY} characters. */
    public static String key(String value) {
        String cleaned = clean(value, MAX_KEY);
        return cleaned == null ? "" : cleaned.replace('\n', ' ').replace('\t', ' ');
    }
}
