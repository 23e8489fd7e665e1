package io.lightswitch.analytics.enrich;

import java.util.List;
import java.util.regex.Pattern;

/** Replaces the parts of an error message that vary between occurrences of one bug with placeholders. */
final class ErrorMessages {

    static final int MAX_LENGTH = 300;

    // Bounds the regex work on huge messages; the result is capped far below this anyway.
    private static final int MAX_INPUT_LENGTH = 2048;

    private record Replacement(Pattern pattern, String placeholder) {
    }

    // In this order: URLs and e-mails contain numbers, quoted strings may contain anything, UUIDs contain hex.
    private static final List<Replacement> REPLACEMENTS = List.of(
            // A URL ends before trailing punctuation: "see https://x/y." keeps its full stop.
            new Replacement(Pattern.compile(
                    "\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"`<>()\\[\\]{}]*[^\\s'\"`<>()\\[\\]{}.,;:!?]"), "<url>"),
            new Replacement(Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"), "<email>"),
            // An apostrophe after a letter (can't) opens no quote.
            new Replacement(Pattern.compile("(?<!\\w)'[^'\\n]*'|\"[^\"\\n]*\"|`[^`\\n]*`"), "<str>"),
            new Replacement(Pattern.compile(
                    "(?<![A-Za-z0-9])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                            + "(?![A-Za-z0-9])"), "<uuid>"),
            // Hex needs a letter and a digit, so plain numbers stay numbers and words stay words.
            new Replacement(Pattern.compile("(?<![A-Za-z0-9])(?:0[xX][0-9a-fA-F]+"
                    + "|(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,})(?![A-Za-z0-9])"), "<id>"),
            // Units stay readable: "5000ms" becomes "<n>ms".
            new Replacement(Pattern.compile("(?<![A-Za-z0-9])\\d+(?:[.,]\\d+)*"), "<n>"),
            new Replacement(Pattern.compile("\\s+"), " "));

    private ErrorMessages() {
    }

    static String normalise(String message) {
        if (message == null) {
            return "";
        }
        String text = Text.truncate(message, MAX_INPUT_LENGTH);
        for (Replacement replacement : REPLACEMENTS) {
            text = replacement.pattern().matcher(text).replaceAll(replacement.placeholder());
        }
        return Text.truncate(text.strip(), MAX_LENGTH);
    }
}
