package io.lightswitch.analytics.enrich;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import ua_parser.Client;
import ua_parser.Parser;

import java.util.List;
import java.util.Map;

/**
 * Classifies user agents with the uap-core rules (through uap-java). Creating one compiles about a
 * thousand regexes, around half a second, so share one instance; it is thread-safe.
 */
public final class UserAgentClassifier {

    private static final ClientInfo UNIDENTIFIED = new ClientInfo(null, null, null, ClientInfo.UNKNOWN);

    // An uncached parse tries the rules one by one, about a millisecond, while traffic repeats the same
    // few thousand user agents.
    private static final long DEFAULT_CACHE_SIZE = 10_000;

    // Real user agents fit easily; longer strings are junk that makes the rules slow (15 KB takes 0.2 s).
    private static final int MAX_LENGTH = 512;

    // uap's name for "no rule matched".
    private static final String OTHER = "Other";

    // One name per browser, whatever the device: the device type already says it is mobile.
    private static final Map<String, String> BROWSER_NAMES = Map.of(
            "Mobile Safari", "Safari",
            "Chrome Mobile", "Chrome",
            "Chrome Mobile iOS", "Chrome",
            "Firefox Mobile", "Firefox",
            "Firefox iOS", "Firefox",
            "Edge Mobile", "Edge",
            "Opera Mobile", "Opera");

    private static final Map<String, String> OS_NAMES = Map.of("Mac OS X", "macOS");

    // uap-java names devices but has no device class, so the platform tokens browsers send decide it.
    private static final List<String> DESKTOP_PLATFORMS = List.of("Windows NT", "Macintosh", "X11", "CrOS");

    private final LoadingCache<String, ClientInfo> cache;

    public UserAgentClassifier() {
        this(DEFAULT_CACHE_SIZE);
    }

    public UserAgentClassifier(long cacheSize) {
        Parser parser = new Parser();
        this.cache = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .build(userAgent -> classify(parser.parse(userAgent), userAgent));
    }

    public ClientInfo classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNIDENTIFIED;
        }
        return cache.get(Text.truncate(userAgent.strip(), MAX_LENGTH));
    }

    private static ClientInfo classify(Client client, String userAgent) {
        String browser = known(client.userAgent == null ? null : client.userAgent.family);
        String version = browser == null ? null : client.userAgent.major;
        String os = known(client.os == null ? null : client.os.family);
        String device = client.device == null ? null : client.device.family;
        return new ClientInfo(
                browser == null ? null : BROWSER_NAMES.getOrDefault(browser, browser),
                version,
                os == null ? null : OS_NAMES.getOrDefault(os, os),
                deviceType(browser, os, device, userAgent));
    }

    private static String deviceType(String browser, String os, String device, String userAgent) {
        if ("Spider".equals(device) || (browser != null && browser.startsWith("Headless"))) {
            return ClientInfo.BOT;
        }
        // Android tablets are the Android devices that leave out the "Mobile" token.
        boolean mobileToken = userAgent.contains("Mobi");
        if ("iPad".equals(device) || userAgent.contains("Tablet") || ("Android".equals(os) && !mobileToken)) {
            return ClientInfo.TABLET;
        }
        if (mobileToken || "iPhone".equals(device) || "iPod".equals(device)) {
            return ClientInfo.MOBILE;
        }
        if (DESKTOP_PLATFORMS.stream().anyMatch(userAgent::contains)) {
            return ClientInfo.DESKTOP;
        }
        return ClientInfo.UNKNOWN;
    }

    private static String known(String family) {
        return family == null || family.equals(OTHER) ? null : family;
    }
}
