package io.lightswitch.analytics.query;

/**
 * What to look for: every criterion is optional (null) and they all apply together. {@code variant}
 * needs {@code flag}; browser, OS and country match without regard to case.
 */
public record SessionSearch(String flag, String variant, String userId, String browser, String os, String country,
                            Boolean hadErrors, TimeWindow lastSeen, SessionCursor after, int limit) {

    public SessionSearch {
        if (variant != null && flag == null) {
            throw new InvalidParameterException("variant", "needs flag");
        }
    }
}
