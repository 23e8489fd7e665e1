package io.lightswitch.analytics.enrich;

import org.apache.commons.codec.digest.DigestUtils;

/** Groups error occurrences: same type, same message up to its variable parts, thrown from the same place. */
public final class ErrorFingerprints {

    private static final String DEFAULT_TYPE = "Error";
    private static final String UNCAUGHT = "Uncaught ";
    private static final int MAX_TYPE_LENGTH = 200;

    private ErrorFingerprints() {
    }

    public static ErrorFingerprint of(String type, String message, String stack) {
        String errorType = type == null || type.isBlank() ? DEFAULT_TYPE : Text.truncate(type.strip(), MAX_TYPE_LENGTH);
        String normalisedMessage = ErrorMessages.normalise(withoutPrefix(message, errorType));
        String topFrame = stack == null ? null : StackFrames.top(stack);
        String fingerprint = DigestUtils.sha1Hex(
                errorType + "|" + normalisedMessage + "|" + (topFrame == null ? "" : topFrame));
        return new ErrorFingerprint(fingerprint, errorType, normalisedMessage, topFrame);
    }

    // window.onerror reports "Uncaught TypeError: x" where a catch block reports "x"; both are one bug.
    private static String withoutPrefix(String message, String type) {
        if (message == null) {
            return null;
        }
        String text = message.strip();
        if (text.startsWith(UNCAUGHT)) {
            text = text.substring(UNCAUGHT.length());
        }
        return text.startsWith(type + ": ") ? text.substring(type.length() + 2) : text;
    }
}
