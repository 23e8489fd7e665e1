package io.lightswitch.analytics.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StackFramesTest {

    @Test
    void readsTheTopFrameOfAChromeStack() {
        String stack = """
                TypeError: Cannot read properties of undefined (reading 'total')
                    at renderSummary (https://www.shop.example/assets/checkout.js:212:17)
                    at Checkout.render (https://www.shop.example/assets/checkout.js:80:3)""";

        assertThat(StackFrames.top(stack)).isEqualTo("renderSummary (/assets/checkout.js)");
    }

    @Test
    void readsAnonymousAndAsyncChromeFrames() {
        assertThat(StackFrames.top("Error: x\n    at https://www.shop.example/app.js:10:5"))
                .isEqualTo("/app.js");
        assertThat(StackFrames.top("Error: x\n    at async loadCart (https://www.shop.example/app.js:10:5)"))
                .isEqualTo("loadCart (/app.js)");
    }

    @Test
    void skipsEngineFramesForTheFirstFrameInAFile() {
        String stack = """
                SyntaxError: Unexpected token '<'
                    at JSON.parse (<anonymous>)
                    at async Promise.all (index 0)
                    at loadConfig (https://www.shop.example/app.js:3:9)""";

        assertThat(StackFrames.top(stack)).isEqualTo("loadConfig (/app.js)");
    }

    @Test
    void readsFirefoxAndSafariStacks() {
        String firefox = """
                renderSummary@https://www.shop.example/assets/checkout.js:212:17
                promise callback*render@https://www.shop.example/assets/checkout.js:80:3
                """;
        String safari = """
                forEach@[native code]
                global code@https://www.shop.example/assets/checkout.js:5:1""";

        assertThat(StackFrames.top(firefox)).isEqualTo("renderSummary (/assets/checkout.js)");
        assertThat(StackFrames.top("promise callback*render@https://x.example/app.js:80:3"))
                .isEqualTo("render (/app.js)");
        assertThat(StackFrames.top("@https://x.example/app.js:1:2")).isEqualTo("/app.js");
        assertThat(StackFrames.top(safari)).isEqualTo("global code (/assets/checkout.js)");
    }

    @Test
    void readsJvmStacksWithoutModuleOrLineNumber() {
        String stack = """
                java.lang.IllegalStateException: Cart 1842 is closed
                \tat java.base/java.util.Objects.requireNonNull(Objects.java:233)
                \tat app//io.shop.cart.Cart.checkout(Cart.java:42)
                Caused by: java.io.IOException: boom
                \tat io.shop.db.Pool.get(Pool.java:7)
                \t... 12 more""";

        assertThat(StackFrames.top(stack)).isEqualTo("java.util.Objects.requireNonNull (Objects.java)");
    }

    @Test
    void keepsAJvmFrameWithoutSourceWhenNoFrameHasOne() {
        String stack = "java.lang.NullPointerException\n"
                + "\tat io.shop.Cart$$Lambda$123/0x0000000800c0b040.apply(Unknown Source)";

        assertThat(StackFrames.top(stack)).isEqualTo("io.shop.Cart$$Lambda.apply");
    }

    @ParameterizedTest
    @CsvSource({
            "https://x.example/static/js/app.3f9a1c.js:1:2,              /static/js/app.js",
            "https://x.example/static/js/main-3f9a1c2b.js:1:2,           /static/js/main.js",
            "https://x.example/_next/static/chunks/_app-3f9a1c2b4d5e6f70.js:1:2, /_next/static/chunks/_app.js",
            "https://x.example/static/3f9a1c2b/app.js:1:2,               /static/app.js",
            "https://x.example/app.js?v=3f9a1c2b#top:1:2,                /app.js",
            "https://x.example/facade.js:1:2,                            /facade.js",
            "webpack:///./src/cart.js:1:2,                               /src/cart.js"})
    void stripsLineColumnQueryAndBuildHashesFromFiles(String location, String file) {
        assertThat(StackFrames.top("fn@" + location)).isEqualTo("fn (" + file + ")");
    }

    @Test
    void passesOverOverlongLinesQuickly() {
        String crafted = "    at " + " (a:1".repeat(4_000);
        String stack = "Error: x\n" + crafted + "\n    at loadCart (https://x.example/app.js:1:2)";

        long start = System.nanoTime();
        String top = StackFrames.top(stack);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(top).isEqualTo("loadCart (/app.js)");
        assertThat(millis).isLessThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Error: something broke", "Error: write to jane@mail.example:25 failed"})
    void findsNoFrameInAStackWithoutFrames(String stack) {
        assertThat(StackFrames.top(stack)).isNull();
    }
}
