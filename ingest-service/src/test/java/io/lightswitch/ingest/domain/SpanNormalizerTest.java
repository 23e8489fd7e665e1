package io.lightswitch.ingest.domain;

import static io.lightswitch.ingest.support.Otlp.attr;
import static io.lightswitch.ingest.support.Otlp.id;
import static io.lightswitch.ingest.support.Otlp.span;
import static io.lightswitch.ingest.support.Otlp.traces;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.ingest.support.Otlp;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanNormalizerTest {

    private static final Attribution KEY = new Attribution("shop", "production");

    private static NormalizedSpan only(Span span) {
        Normalized<NormalizedSpan> result = SpanNormalizer.normalize(traces(span), KEY);
        assertThat(result.rejected()).as(result.firstRejection()).isZero();
        return result.accepted().get(KEY).get(0);
    }

    @Test
    void keepsIdsTimingServiceRouteAndKind() {
        NormalizedSpan span = only(span("GET /cart/{id}").setParentSpanId(id("a1b2c3d4e5f60718"))
                .addAttributes(attr("http.route", "/cart/{id}")).build());

        assertThat(span.traceId()).isEqualTo(Otlp.TRACE_ID);
        assertThat(span.spanId()).isEqualTo(Otlp.SPAN_ID);
        assertThat(span.parentSpanId()).isEqualTo("a1b2c3d4e5f60718");
        assertThat(span.service()).isEqualTo("checkout");
        assertThat(span.route()).isEqualTo("/cart/{id}");
        assertThat(span.kind()).isEqualTo(NormalizedSpan.SERVER);
        assertThat(span.start()).isEqualTo(Instant.parse("2025-11-26T09:31:01.020Z"));
        assertThat(span.durationMicros()).isEqualTo(48_210);
        assertThat(span.error()).isFalse();
        assertThat(span.flags()).isEmpty();
    }

    @Test
    void rootSpanHasNoParentAndUnspecifiedKindIsInternal() {
        NormalizedSpan span = only(span("work").setKind(Span.SpanKind.SPAN_KIND_UNSPECIFIED).build());

        assertThat(span.parentSpanId()).isNull();
        assertThat(span.kind()).isEqualTo(NormalizedSpan.INTERNAL);
    }

    @Test
    void readsFlagsFromEvaluationEventsAndSpanAttributesIncludingTheDeprecatedVariant() {
        NormalizedSpan span = only(span("GET /")
                .addAttributes(attr("feature_flag.key", "banner"))
                .addAttributes(attr("feature_flag.variant", "blue"))
                .addEvents(Span.Event.newBuilder().setName("feature_flag.evaluation")
                        .addAttributes(attr("feature_flag.key", "dark-mode"))
                        .addAttributes(attr("feature_flag.result.variant", "on")))
                .addEvents(Span.Event.newBuilder().setName("feature_flag.evaluation")
                        .addAttributes(attr("feature_flag.key", "new-checkout"))
                        .addAttributes(attr("feature_flag.variant", "control")))
                .addEvents(Span.Event.newBuilder().setName("feature_flag.evaluation")
                        .addAttributes(attr("feature_flag.key", "no-variant-only-value"))
                        .addAttributes(attr("feature_flag.result.value", true)))
                .addEvents(Span.Event.newBuilder().setName("feature_flag.evaluation")
                        .addAttributes(attr("feature_flag.key", "says-nothing")))
                .build());

        assertThat(span.flags()).containsExactly(
                java.util.Map.entry("banner", "blue"),
                java.util.Map.entry("dark-mode", "on"),
                java.util.Map.entry("new-checkout", "control"),
                java.util.Map.entry("no-variant-only-value", "true"));
    }

    @Test
    void statusErrorIsAnErrorWithItsMessage() {
        NormalizedSpan span = only(span("pay").setStatus(Status.newBuilder()
                .setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("card declined")).build());

        assertThat(span.error()).isTrue();
        assertThat(span.errorMessage()).isEqualTo("card declined");
    }

    @Test
    void serverErrorStatusFailsEveryKindButClientErrorsOnlyClientSpans() {
        NormalizedSpan server503 = only(span("GET /").addAttributes(attr("http.response.status_code", 503)).build());
        NormalizedSpan server404 = only(span("GET /").addAttributes(attr("http.response.status_code", 404)).build());
        NormalizedSpan client404 = only(span("GET upstream").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .addAttributes(attr("http.response.status_code", 404)).build());
        NormalizedSpan legacy500 = only(span("GET /").addAttributes(attr("http.status_code", "500")).build());

        assertThat(server503.error()).isTrue();
        assertThat(server503.httpStatus()).isEqualTo(503);
        assertThat(server503.errorType()).isEqualTo("503");
        assertThat(server404.error()).isFalse();
        assertThat(server404.httpStatus()).isEqualTo(404);
        assertThat(client404.error()).isTrue();
        assertThat(legacy500.error()).isTrue();
        assertThat(legacy500.httpStatus()).isEqualTo(500);
    }

    @Test
    void exceptionEventMakesAnErrorWithTypeAndMessage() {
        NormalizedSpan span = only(span("GET /").addAttributes(attr("http.response.status_code", 500))
                .addEvents(Span.Event.newBuilder().setName("exception")
                        .addAttributes(attr("exception.type", "java.net.SocketTimeoutException"))
                        .addAttributes(attr("exception.message", "Read timed out")))
                .build());

        assertThat(span.error()).isTrue();
        assertThat(span.errorType()).isEqualTo("java.net.SocketTimeoutException");
        assertThat(span.errorMessage()).isEqualTo("Read timed out");
    }

    @Test
    void readsUserSessionAgentAndGeoFromTheSpanOrElseTheResource() {
        Normalized<NormalizedSpan> result = SpanNormalizer.normalize(traces(List.of(
                        attr("service.name", "web"), attr("session.id", "sess-1"),
                        attr("client.geo.country.iso_code", "DE"), attr("geo.locality.name", "Berlin")),
                span("GET /").addAttributes(attr("user.id", "u-7"))
                        .addAttributes(attr("user_agent.original", "Firefox/133.0"))
                        .addAttributes(attr("client.geo.region.iso_code", "DE-BE")).build(),
                span("GET /other").addAttributes(attr("enduser.id", "u-8")).build()), KEY);

        NormalizedSpan first = result.accepted().get(KEY).get(0);
        assertThat(first.userId()).isEqualTo("u-7");
        assertThat(first.sessionId()).isEqualTo("sess-1");
        assertThat(first.userAgent()).isEqualTo("Firefox/133.0");
        assertThat(first.geo()).isEqualTo(new NormalizedSpan.Geo("DE", "DE-BE", "Berlin"));
        assertThat(result.accepted().get(KEY).get(1).userId()).isEqualTo("u-8");
    }

    @Test
    void missingServiceNameIsUnknownServiceAndMissingGeoIsNull() {
        Normalized<NormalizedSpan> result = SpanNormalizer.normalize(traces(List.of(), span("x").build()), KEY);

        NormalizedSpan span = result.accepted().get(KEY).get(0);
        assertThat(span.service()).isEqualTo("unknown_service");
        assertThat(span.geo()).isNull();
    }

    @Test
    void environmentNamedByTheTelemetryWinsWithinTheKeysProject() {
        Normalized<NormalizedSpan> result = SpanNormalizer.normalize(traces(
                List.of(attr("service.name", "web"), attr("deployment.environment.name", "staging")),
                span("GET /").build()), KEY);

        assertThat(result.accepted()).containsOnlyKeys(new Attribution("shop", "staging"));
    }

    @Test
    void spansWithBadIdsOrNoNameOrTimeAreRejectedOneByOneWithAReason() {
        Normalized<NormalizedSpan> result = SpanNormalizer.normalize(traces(
                span("short trace id").setTraceId(id("0102030405060708")).build(),
                span("zero span id").setSpanId(ByteString.copyFrom(new byte[8])).build(),
                span("bad parent").setParentSpanId(id("01")).build(),
                span("").build(),
                span("no start").setStartTimeUnixNano(0).build(),
                span("backwards").setEndTimeUnixNano(Otlp.START - 1).build(),
                span("fine").build()), KEY);

        assertThat(result.received()).isEqualTo(7);
        assertThat(result.rejected()).isEqualTo(6);
        assertThat(result.accepted().get(KEY)).extracting(NormalizedSpan::name).containsExactly("fine");
        assertThat(result.firstRejection())
                .isEqualTo("span 'short trace id' has an invalid trace id: it must be 16 bytes and not all zero"
                        + " (and 5 more rejected)");
    }
}
