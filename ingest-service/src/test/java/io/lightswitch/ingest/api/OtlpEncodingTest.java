package io.lightswitch.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightswitch.ingest.domain.IngestException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OtlpEncodingTest {

    private static final String TRACE_JSON = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}]},
              "scopeSpans":[{"scope":{"name":"manual"},"spans":[{
                "traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"eee19b7ec3c1b174",
                "parentSpanId":"a1b2c3d4e5f60718","name":"GET /","kind":2,
                "startTimeUnixNano":"1764149461020000000","endTimeUnixNano":1764149461068210000,
                "links":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331"}],
                "attributes":[{"key":"http.response.status_code","value":{"intValue":"503"}}],
                "futureField":{"ignored":true}}]}]}]}
            """;

    @Test
    void jsonHexIdsRoundTripExactly() {
        ExportTraceServiceRequest request = OtlpEncoding.JSON.traces(bytes(TRACE_JSON));

        Span span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
        assertThat(hex(span.getTraceId().toByteArray())).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(hex(span.getSpanId().toByteArray())).isEqualTo("eee19b7ec3c1b174");
        assertThat(hex(span.getParentSpanId().toByteArray())).isEqualTo("a1b2c3d4e5f60718");
        assertThat(hex(span.getLinks(0).getTraceId().toByteArray())).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(span.getStartTimeUnixNano()).isEqualTo(1764149461020000000L);
        assertThat(span.getEndTimeUnixNano()).isEqualTo(1764149461068210000L);
        assertThat(span.getAttributes(0).getValue().getIntValue()).isEqualTo(503);
    }

    @Test
    void malformedHexIdsBecomeInvalidIdsRatherThanSilentlyWrongOnes() {
        String json = TRACE_JSON.replace("eee19b7ec3c1b174", "zzzzzzzzzzzzzzzz")
                .replace("5B8EFFF798038103D269B633813FC60C", "5b8efff79803810");

        Span span = OtlpEncoding.JSON.traces(bytes(json)).getResourceSpans(0).getScopeSpans(0).getSpans(0);

        assertThat(span.getSpanId().size()).isEqualTo(1);
        assertThat(span.getTraceId().size()).isEqualTo(1);
    }

    @Test
    void logRecordIdsAreHexToo() {
        String json = """
                {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"eventName":"feature_flag.evaluation",
                  "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"}]}]}]}
                """;

        ExportLogsServiceRequest request = OtlpEncoding.JSON.logs(bytes(json));

        assertThat(hex(request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0).getSpanId().toByteArray()))
                .isEqualTo("eee19b7ec3c1b174");
    }

    @Test
    void responsesAreWrittenInTheRequestsEncoding() {
        var response = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.newBuilder()
                .setPartialSuccess(io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess.newBuilder()
                        .setRejectedSpans(2).setErrorMessage("bad ids")).build();

        assertThat(new String(OtlpEncoding.JSON.write(response), StandardCharsets.UTF_8))
                .isEqualTo("{\"partialSuccess\":{\"rejectedSpans\":\"2\",\"errorMessage\":\"bad ids\"}}");
        assertThat(OtlpEncoding.PROTOBUF.write(response)).isEqualTo(response.toByteArray());
    }

    @Test
    void contentTypeParametersAndCaseDoNotMatterButOtherTypesAreRefused() {
        assertThat(OtlpEncoding.of("Application/JSON; charset=utf-8")).isEqualTo(OtlpEncoding.JSON);
        assertThat(OtlpEncoding.of("application/x-protobuf")).isEqualTo(OtlpEncoding.PROTOBUF);
        assertThatThrownBy(() -> OtlpEncoding.of("text/plain")).isInstanceOf(IngestException.class);
        assertThatThrownBy(() -> OtlpEncoding.of(null)).isInstanceOf(IngestException.class);
    }

    @Test
    void jsonThatIsNotAnOtlpRequestIsUndecodable() {
        for (String body : new String[] {"[1,2]", "{\"resourceSpans\":\"nope\"}", "{\"resourceSpans\":[", "null"}) {
            assertThatThrownBy(() -> OtlpEncoding.JSON.traces(bytes(body)))
                    .as(body)
                    .isInstanceOfSatisfying(IngestException.class,
                            e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.UNDECODABLE));
        }
    }

    @Test
    void jsonIsReadItemByItemWithSnakeCaseNamesSeveralResourcesAndFieldsInAnyOrder() {
        String json = """
                {"future":[1,2],"resource_spans":[
                  {"scope_spans":[{"spans":[{"trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174",
                     "name":"a","start_time_unix_nano":"1"}],"scope":{"name":"late scope"}}],
                   "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"one"}}]},
                   "schemaUrl":"https://opentelemetry.io/schemas/1.26.0"},
                  {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"two"}}]},
                   "scopeSpans":null},
                  {"scopeSpans":[{"spans":[]},{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c",
                     "spanId":"b7ad6b7169203331","parentSpanId":"","name":"b"}]}]}]}
                """;

        ExportTraceServiceRequest request = OtlpEncoding.JSON.traces(bytes(json));

        assertThat(request.getResourceSpansCount()).isEqualTo(3);
        var first = request.getResourceSpans(0);
        assertThat(first.getResource().getAttributes(0).getValue().getStringValue()).isEqualTo("one");
        assertThat(first.getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.26.0");
        assertThat(first.getScopeSpans(0).getScope().getName()).isEqualTo("late scope");
        Span a = first.getScopeSpans(0).getSpans(0);
        assertThat(hex(a.getTraceId().toByteArray())).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(hex(a.getSpanId().toByteArray())).isEqualTo("eee19b7ec3c1b174");
        assertThat(a.getStartTimeUnixNano()).isEqualTo(1);
        assertThat(request.getResourceSpans(1).getScopeSpansCount()).isZero();
        Span b = request.getResourceSpans(2).getScopeSpans(1).getSpans(0);
        assertThat(hex(b.getSpanId().toByteArray())).isEqualTo("b7ad6b7169203331");
        assertThat(b.getParentSpanId().isEmpty()).isTrue();
    }

    @Test
    void jsonThatIsNoOtlpObjectIsUndecodable() {
        for (String json : new String[] {"[]", "{\"resourceSpans\":{}}", "{\"resourceSpans\":[1]}",
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":3.5e}]}]}]}", "{} {}", "{"}) {
            assertThatThrownBy(() -> OtlpEncoding.JSON.traces(bytes(json)))
                    .as(json)
                    .isInstanceOfSatisfying(IngestException.class,
                            e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.UNDECODABLE));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
