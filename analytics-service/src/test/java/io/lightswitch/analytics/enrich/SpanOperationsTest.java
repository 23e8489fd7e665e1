package io.lightswitch.analytics.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpanOperationsTest {

    @Test
    void addsTheRouteToASpanNamedOnlyByItsMethod() {
        assertThat(SpanOperations.operation("GET", "/pay", "SERVER")).isEqualTo("GET /pay");
        assertThat(SpanOperations.operation("POST", "/orders/{id}", null)).isEqualTo("POST /orders/{id}");
    }

    @Test
    void replacesAConcretePathByTheRoute() {
        assertThat(SpanOperations.operation("GET /orders/1842", "/orders/{id}", "SERVER"))
                .isEqualTo("GET /orders/{id}");
    }

    @Test
    void keepsANameThatAlreadyContainsTheRoute() {
        assertThat(SpanOperations.operation("POST /pay", "/pay", "SERVER")).isEqualTo("POST /pay");
    }

    @Test
    void keepsNamesThatAreNotHttpMethods() {
        assertThat(SpanOperations.operation("checkout.place-order", "/pay", "SERVER"))
                .isEqualTo("checkout.place-order");
        assertThat(SpanOperations.operation("SELECT shop.orders", null, "CLIENT")).isEqualTo("SELECT shop.orders");
    }

    @Test
    void ignoresARouteOnSpansThatAreNotServerSpans() {
        assertThat(SpanOperations.operation("GET", "/pay", "CLIENT")).isEqualTo("GET");
    }

    @Test
    void collapsesIdsInNamesThatArePaths() {
        assertThat(SpanOperations.operation("GET /orders/1842/items/7?expand=1", null, "SERVER"))
                .isEqualTo("GET /orders/:id/items/:id");
        assertThat(SpanOperations.operation("/sessions/5f0c9a7e-2b1d-4c3e-8f6a-0d9e8c7b6a51", null, "INTERNAL"))
                .isEqualTo("/sessions/:id");
    }

    @Test
    void collapsesWhitespace() {
        assertThat(SpanOperations.operation("  GET \t /pay/ ", null, "SERVER")).isEqualTo("GET /pay");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void callsASpanWithoutNameUnknown(String name) {
        assertThat(SpanOperations.operation(name, "/pay", "SERVER")).isEqualTo("unknown");
    }

    @Test
    void capsTheOperationAt200Characters() {
        assertThat(SpanOperations.operation("x".repeat(500), null, "INTERNAL")).hasSize(200);
        assertThat(SpanOperations.operation("GET", "/" + "segment/".repeat(100), "SERVER")).hasSize(200);
    }
}
