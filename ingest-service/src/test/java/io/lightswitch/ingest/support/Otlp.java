package io.lightswitch.ingest.support;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.List;

/** Builds OTLP requests by hand, for cases no well-behaved exporter would send. */
public final class Otlp {

    public static final long START = 1_764_149_461_020_000_000L;
    public static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
    public static final String SPAN_ID = "eee19b7ec3c1b174";

    private Otlp() {
    }

    public static KeyValue attr(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    public static KeyValue attr(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }

    public static KeyValue attr(String key, boolean value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setBoolValue(value)).build();
    }

    public static ByteString id(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    /** A valid server span; tests change what they are about. */
    public static Span.Builder span(String name) {
        return Span.newBuilder().setTraceId(id(TRACE_ID)).setSpanId(id(SPAN_ID)).setName(name)
                .setKind(Span.SpanKind.SPAN_KIND_SERVER)
                .setStartTimeUnixNano(START).setEndTimeUnixNano(START + 48_210_000L);
    }

    public static ExportTraceServiceRequest traces(List<KeyValue> resource, Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(resource))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
    }

    public static ExportTraceServiceRequest traces(Span... spans) {
        return traces(List.of(attr("service.name", "checkout")), spans);
    }

    public static LogRecord.Builder flagEvaluation(String flag, String variant, String contextId) {
        return LogRecord.newBuilder().setEventName("feature_flag.evaluation").setTimeUnixNano(START)
                .addAttributes(attr("feature_flag.key", flag))
                .addAttributes(attr("feature_flag.result.variant", variant))
                .addAttributes(attr("feature_flag.context.id", contextId));
    }

    public static ExportLogsServiceRequest logs(List<KeyValue> resource, LogRecord... records) {
        return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(resource))
                .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(List.of(records)))).build();
    }
}
