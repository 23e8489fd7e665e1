package io.lightswitch.analytics.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UserAgentClassifierTest {

    // Compiling the rules takes about half a second, so the tests share one classifier.
    private static final UserAgentClassifier CLASSIFIER = new UserAgentClassifier();

    private static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    @Test
    void recognisesChromeOnWindowsAsDesktop() {
        assertThat(CLASSIFIER.classify(CHROME_WINDOWS))
                .isEqualTo(new ClientInfo("Chrome", "124", "Windows", "desktop"));
    }

    @Test
    void recognisesSafariOnIphoneAsMobile() {
        assertThat(CLASSIFIER.classify(SAFARI_IPHONE)).isEqualTo(new ClientInfo("Safari", "17", "iOS", "mobile"));
    }

    @Test
    void recognisesFirefoxOnLinuxAsDesktop() {
        String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

        assertThat(CLASSIFIER.classify(firefox)).isEqualTo(new ClientInfo("Firefox", "125", "Linux", "desktop"));
    }

    @Test
    void tellsEdgeFromTheChromeItIsBuiltOn() {
        String edge = CHROME_WINDOWS + " Edg/124.0.2478.51";

        assertThat(CLASSIFIER.classify(edge)).isEqualTo(new ClientInfo("Edge", "124", "Windows", "desktop"));
    }

    @Test
    void callsSafariOnAMacSafariOnMacos() {
        String safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.4 Safari/605.1.15";

        assertThat(CLASSIFIER.classify(safari)).isEqualTo(new ClientInfo("Safari", "17", "macOS", "desktop"));
    }

    @Test
    void namesMobileBrowsersLikeTheirDesktopSiblings() {
        String chromeAndroid = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/124.0.6367.82 Mobile Safari/537.36";
        String chromeIphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1";

        assertThat(CLASSIFIER.classify(chromeAndroid)).isEqualTo(new ClientInfo("Chrome", "124", "Android", "mobile"));
        assertThat(CLASSIFIER.classify(chromeIphone)).isEqualTo(new ClientInfo("Chrome", "124", "iOS", "mobile"));
    }

    @Test
    void recognisesIpadsAndAndroidDevicesWithoutTheMobileTokenAsTablets() {
        String ipad = "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.4 Mobile/15E148 Safari/604.1";
        String galaxyTab = "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/124.0.0.0 Safari/537.36";

        assertThat(CLASSIFIER.classify(ipad).deviceType()).isEqualTo("tablet");
        assertThat(CLASSIFIER.classify(galaxyTab)).isEqualTo(new ClientInfo("Chrome", "124", "Android", "tablet"));
    }

    @Test
    void recognisesCrawlersAsBotsEvenWhenTheyPoseAsPhones() {
        String googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        String googlebotSmartphone = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/124.0.6367.118 Mobile Safari/537.36 "
                + "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

        assertThat(CLASSIFIER.classify(googlebot)).isEqualTo(new ClientInfo("Googlebot", "2", null, "bot"));
        assertThat(CLASSIFIER.classify(googlebotSmartphone).deviceType()).isEqualTo("bot");
    }

    @Test
    void recognisesHeadlessChromeAsABot() {
        String headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/124.0.6367.60 Safari/537.36";

        assertThat(CLASSIFIER.classify(headless)).isEqualTo(new ClientInfo("HeadlessChrome", "124", "Linux", "bot"));
    }

    @Test
    void leavesWhatItCannotRecogniseUnknown() {
        assertThat(CLASSIFIER.classify("definitely not a browser"))
                .isEqualTo(new ClientInfo(null, null, null, "unknown"));
        assertThat(CLASSIFIER.classify("curl/8.5.0")).isEqualTo(new ClientInfo("curl", "8", null, "unknown"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void classifiesAMissingUserAgentAsUnknown(String userAgent) {
        assertThat(CLASSIFIER.classify(userAgent)).isEqualTo(new ClientInfo(null, null, null, "unknown"));
    }

    @Test
    void answersRepeatedUserAgentsFromTheCache() {
        assertThat(CLASSIFIER.classify(CHROME_WINDOWS)).isSameAs(CLASSIFIER.classify(CHROME_WINDOWS));
    }

    @Test
    void classifiesAHugeUserAgentByItsBeginningAndQuickly() {
        String huge = SAFARI_IPHONE + " x".repeat(50_000);

        long start = System.nanoTime();
        ClientInfo info = CLASSIFIER.classify(huge);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(info).isEqualTo(new ClientInfo("Safari", "17", "iOS", "mobile"));
        assertThat(millis).isLessThan(1_000);
    }
}
