package io.lightswitch.ingest.domain;

import static io.lightswitch.ingest.domain.SemanticConventions.*;

import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an OTLP trace export into normalised spans, grouped by environment. A span that cannot be
 * identified or placed in time is dropped and counted, never the whole request.
 */
public final class SpanNormalizer {

    private SpanNormalizer() {
    }

    public static Normalized<NormalizedSpan> normalize(ExportTraceServiceRequest request, Attribution key) {
        Map<Attribution, List<NormalizedSpan>> accepted = new LinkedHashMap<>();
        Rejections rejections = new Rejections();
        int received = 0;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Attributes resource = Attributes.of(resourceSpans.getResource().getAttributesList());
            Attribution attribution = key.withEnvironment(environment(resource));
            String service = resource.text(SERVICE_NAME);
            List<NormalizedSpan> spans = null;
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    received++;
                    String problem = problem(span);
                    if (problem != null) {
                        rejections.add(problem);
                        continue;
                    }
                    if (spans == null) {
                        spans = accepted.computeIfAbsent(attribution, a -> new ArrayList<>());
                    }
                    spans.add(normalize(span, service == null ? UNKNOWN_SERVICE : service, resource));
                }
            }
        }
        return new Normalized<>(accepted, received, rejections.count(), rejections.message());
    }

    private static String problem(Span span) {
        String which = span.getName().isEmpty() ? "a span without a name" : "span '" + span.getName() + "'";
        if (!Ids.valid(span.getTraceId(), Ids.TRACE_ID_BYTES)) {
            return which + " has an invalid trace id: it must be 16 bytes and not all zero";
        }
        if (!Ids.valid(span.getSpanId(), Ids.SPAN_ID_BYTES)) {
            return which + " has an invalid span id: it must be 8 bytes and not all zero";
        }
        if (!span.getParentSpanId().isEmpty() && !Ids.valid(span.getParentSpanId(), Ids.SPAN_ID_BYTES)) {
            return which + " has an invalid parent span id: it must be empty or 8 bytes and not all zero";
        }
        if (span.getName().isEmpty()) {
            return which + " was dropped: the name is required";
        }
        if (span.getStartTimeUnixNano() == 0) {
            return which + " has no start time";
        }
        if (Long.compareUnsigned(span.getEndTimeUnixNano(), span.getStartTimeUnixNano()) < 0) {
            return which + " ends before it starts";
        }
        return null;
    }

    private static NormalizedSpan normalize(Span span, String service, Attributes resource) {
        Attributes attributes = Attributes.of(span.getAttributesList());
        String kind = kind(span.getKind());
        Integer httpStatus = attributes.integer(HTTP_RESPONSE_STATUS_CODE);
        if (httpStatus == null) {
            httpStatus = attributes.integer(HTTP_STATUS_CODE);
        }
        SpanErrors error = SpanErrors.of(span, kind, httpStatus, attributes);
        return new NormalizedSpan(
                Ids.hex(span.getTraceId()),
                Ids.hex(span.getSpanId()),
                span.getParentSpanId().isEmpty() ? null : Ids.hex(span.getParentSpanId()),
                service,
                span.getName(),
                attributes.text(HTTP_ROUTE),
                kind,
                instant(span.getStartTimeUnixNano()),
                (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000,
                httpStatus,
                error.error(),
                error.type(),
                error.message(),
                either(attributes, resource, ENDUSER_ID, USER_ID),
                either(attributes, resource, SESSION_ID, SESSION_ID),
                either(attributes, resource, USER_AGENT_ORIGINAL, HTTP_USER_AGENT),
                geo(attributes, resource),
                FlagEvaluations.of(span, attributes));
    }

    /** A span's own attribute first, then the resource's (browsers and apps put the user on the resource). */
    private static String either(Attributes span, Attributes resource, String key, String fallbackKey) {
        String value = span.text(key, fallbackKey);
        return value != null ? value : resource.text(key, fallbackKey);
    }

    private static NormalizedSpan.Geo geo(Attributes span, Attributes resource) {
        String country = either(span, resource, CLIENT_GEO_COUNTRY, GEO_COUNTRY);
        String region = either(span, resource, CLIENT_GEO_REGION, GEO_REGION);
        String city = either(span, resource, CLIENT_GEO_LOCALITY, GEO_LOCALITY);
        return country == null && region == null && city == null ? null : new NormalizedSpan.Geo(country, region, city);
    }

    private static String kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> NormalizedSpan.SERVER;
            case SPAN_KIND_CLIENT -> NormalizedSpan.CLIENT;
            case SPAN_KIND_PRODUCER -> NormalizedSpan.PRODUCER;
            case SPAN_KIND_CONSUMER -> NormalizedSpan.CONSUMER;
            // OTLP: an unspecified kind is to be read as internal
            default -> NormalizedSpan.INTERNAL;
        };
    }

    static Instant instant(long unixNanos) {
        return Instant.ofEpochSecond(Long.divideUnsigned(unixNanos, 1_000_000_000L),
                Long.remainderUnsigned(unixNanos, 1_000_000_000L));
    }

    /** Whether a span failed, and how. */
    private record SpanErrors(boolean error, String type, String message) {

        static SpanErrors of(Span span, String kind, Integer httpStatus, Attributes attributes) {
            Attributes exception = span.getEventsList().stream()
                    .filter(e -> EXCEPTION_EVENT.equals(e.getName()))
                    .findFirst().map(e -> Attributes.of(e.getAttributesList())).orElse(null);
            boolean statusError = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
            // HTTP semantic conventions: 5xx fails every span, 4xx only the client's (a server answered correctly)
            boolean httpError = httpStatus != null
                    && (httpStatus >= 500 || (httpStatus >= 400 && NormalizedSpan.CLIENT.equals(kind)));
            if (!statusError && !httpError && exception == null) {
                return new SpanErrors(false, null, null);
            }
            String type = exception == null ? null : exception.text(EXCEPTION_TYPE);
            if (type == null) {
                type = attributes.text(ERROR_TYPE);
            }
            if (type == null && httpError) {
                type = Integer.toString(httpStatus);
            }
            String message = exception == null ? null : exception.text(EXCEPTION_MESSAGE);
            if (message == null && !span.getStatus().getMessage().isEmpty()) {
                message = span.getStatus().getMessage();
            }
            return new SpanErrors(true, type, message);
        }
    }
}
