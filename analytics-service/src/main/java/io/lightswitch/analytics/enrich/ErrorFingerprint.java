package io.lightswitch.analytics.enrich;

/**
 * Identifies a group of errors that are the same bug: {@code fingerprint} is a hex digest of the other
 * three fields. {@code topFrame} is function and file of the frame that threw, or null without a stack.
 */
public record ErrorFingerprint(String fingerprint, String type, String normalisedMessage, String topFrame) {
}
