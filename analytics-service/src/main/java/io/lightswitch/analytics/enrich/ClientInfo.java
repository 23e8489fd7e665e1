package io.lightswitch.analytics.enrich;

/**
 * What a user agent says about the client: browser and OS family ("Chrome", "Windows"), the browser's
 * major version, each null when unknown, and a device type that is never null.
 */
public record ClientInfo(String browser, String browserVersion, String os, String deviceType) {

    public static final String DESKTOP = "desktop";
    public static final String MOBILE = "mobile";
    public static final String TABLET = "tablet";
    public static final String BOT = "bot";
    public static final String UNKNOWN = "unknown";
}
