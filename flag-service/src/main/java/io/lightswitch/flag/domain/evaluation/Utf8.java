package io.lightswitch.flag.domain.evaluation;

/**
 * UTF-8 encoding into a caller's buffer, producing exactly the bytes of
 * {@code String.getBytes(StandardCharsets.UTF_8)} (an unpaired surrogate becomes {@code '?'}) without
 * allocating.
 */
final class Utf8 {

    private Utf8() {
    }

    /** An upper bound of the encoded length: no UTF-16 unit needs more than three bytes. */
    static int maxEncodedLength(String text) {
        return text.length() * 3;
    }

    /** Writes {@code text} at {@code position} and returns the position after the last byte written. */
    static int encode(String text, byte[] buffer, int position) {
        int out = position;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[out++] = (byte) c;
            } else if (c < 0x800) {
                buffer[out++] = (byte) (0xC0 | c >> 6);
                buffer[out++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                buffer[out++] = (byte) (0xE0 | c >> 12);
                buffer[out++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[out++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer[out++] = (byte) (0xF0 | codePoint >> 18);
                buffer[out++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[out++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[out++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                buffer[out++] = '?';
            }
        }
        return out;
    }
}
