package io.lightswitch.analytics.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PagePathsTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.shop.example/checkout?step=2#summary, /checkout",
            "https://www.shop.example:8443/Cart/Items,           /Cart/Items",
            "http://localhost/orders/,                           /orders",
            "//cdn.shop.example/help,                            /help",
            "/account/settings?tab=billing,                      /account/settings",
            "https://www.shop.example/a//b,                      /a/b"})
    void keepsOnlyThePathWithoutQueryFragmentOrTrailingSlash(String url, String operation) {
        assertThat(PagePaths.operation(url)).isEqualTo(operation);
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.shop.example/orders/1842,                                           /orders/:id",
            "https://www.shop.example/orders/1842/items/7,                                   /orders/:id/items/:id",
            "https://www.shop.example/sessions/5f0c9a7e-2b1d-4c3e-8f6a-0d9e8c7b6a51/replay,  /sessions/:id/replay",
            "https://www.shop.example/objects/65a1f0c2e4b0a1b2c3d4e5f6,                      /objects/:id",
            "https://www.shop.example/commits/3f9a1c2b,                                      /commits/:id"})
    void replacesIdSegmentsWithAPlaceholder(String url, String operation) {
        assertThat(PagePaths.operation(url)).isEqualTo(operation);
    }

    @Test
    void keepsSegmentsThatOnlyLookLikeIds() {
        assertThat(PagePaths.operation("https://x.example/v2/facade/cafebabe/iphone-15/deadbeefcafe"))
                .isEqualTo("/v2/facade/cafebabe/iphone-15/deadbeefcafe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.shop.example", "https://www.shop.example/", "https://www.shop.example?x=1"})
    void callsTheRootSlash(String url) {
        assertThat(PagePaths.operation(url)).isEqualTo("/");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not a url", "checkout/step", "about:blank", "javascript:void(0)"})
    void fallsBackToTheRootForWhatIsNotAUrl(String url) {
        assertThat(PagePaths.operation(url)).isEqualTo("/");
    }

    @Test
    void capsTheOperationAt200Characters() {
        String operation = PagePaths.operation("https://x.example/" + "segment/".repeat(100));

        assertThat(operation).hasSize(200).startsWith("/segment/segment");
    }
}
