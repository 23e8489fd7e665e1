package io.lightswitch.ingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

/**
 * Writes an OTLP trace export for benchmarks and by-hand tests: {@code protobuf FILE [SPANS]} (default 512
 * spans of about 20 attributes, with feature_flag.evaluation events), or {@code json FILE [MIB]}, OTLP/JSON
 * with hex ids grown to about that many MiB (default 19).
 */
public final class OtlpBodyGenerator {

    private static final long START = 1_764_149_461_020_000_000L;
    private static final String[] ROUTES = {"/checkout", "/cart/{id}", "/api/products", "/login", "/search"};
    private static final String[] FLAGS = {"checkout", "new-search", "dark-mode"};

    private OtlpBodyGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: OtlpBodyGenerator protobuf|json FILE [SPANS|MIB]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        Random random = new Random(42);
        if (args[0].equals("protobuf")) {
            int spans = args.length > 2 ? Integer.parseInt(args[2]) : 512;
            byte[] body = request(random, spans, 1).toByteArray();
            Files.write(file, body);
            System.out.println(file + ": " + spans + " spans, " + body.length + " bytes");
        } else if (args[0].equals("json")) {
            long target = (long) (Double.parseDouble(args.length > 2 ? args[2] : "19") * 1024 * 1024);
            int perResource = 512;
            long perSpan = json(request(random, perResource, 1)).length / perResource;
            int resources = (int) Math.max(1, target / perSpan / perResource);
            byte[] body = json(request(random, perResource, resources));
            Files.write(file, body);
            System.out.println(file + ": " + resources * perResource + " spans, " + body.length + " bytes");
        } else {
            throw new IllegalArgumentException("unknown format " + args[0]);
        }
    }

    static ExportTraceServiceRequest request(Random random, int spansPerResource, int resources) {
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        for (int r = 0; r < resources; r++) {
            ScopeSpans.Builder scope = ScopeSpans.newBuilder()
                    .setScope(InstrumentationScope.newBuilder().setName("io.opentelemetry.tomcat-10.0").setVersion("2.10.0"));
            byte[] trace = new byte[16];
            for (int i = 0; i < spansPerResource; i++) {
                if (i % 8 == 0) {
                    random.nextBytes(trace);
                }
                scope.addSpans(span(random, trace, i));
            }
            request.addResourceSpans(ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder()
                            .addAttributes(attr("service.name", "checkout"))
                            .addAttributes(attr("service.version", "1.42.0"))
                            .addAttributes(attr("deployment.environment.name", "production"))
                            .addAttributes(attr("telemetry.sdk.language", "java"))
                            .addAttributes(attr("telemetry.sdk.name", "opentelemetry"))
                            .addAttributes(attr("telemetry.sdk.version", "1.57.0"))
                            .addAttributes(attr("host.name", "checkout-7d9f8c6b5-x2x7q")))
                    .addScopeSpans(scope));
        }
        return request.build();
    }

    private static Span span(Random random, byte[] trace, int i) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        byte[] parent = new byte[8];
        random.nextBytes(parent);
        long start = START + i * 1_000_000L;
        int status = i % 50 == 0 ? 503 : i % 7 == 0 ? 404 : 200;
        String route = ROUTES[i % ROUTES.length];
        Span.Builder span = Span.newBuilder()
                .setTraceId(ByteString.copyFrom(trace)).setSpanId(ByteString.copyFrom(id))
                .setName("POST " + route)
                .setKind(i % 3 == 0 ? Span.SpanKind.SPAN_KIND_CLIENT : Span.SpanKind.SPAN_KIND_SERVER)
                .setStartTimeUnixNano(start).setEndTimeUnixNano(start + 1_000_000L + random.nextInt(50_000_000))
                .addAttributes(attr("http.request.method", "POST"))
                .addAttributes(attr("http.route", route))
                .addAttributes(attr("http.response.status_code", status))
                .addAttributes(attr("url.scheme", "https"))
                .addAttributes(attr("url.path", route.replace("{id}", Integer.toString(i))))
                .addAttributes(attr("server.address", "shop.example.com"))
                .addAttributes(attr("server.port", 443))
                .addAttributes(attr("network.protocol.version", "1.1"))
                .addAttributes(attr("client.address", "203.0.113." + (i % 250)))
                .addAttributes(attr("user_agent.original",
                        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"))
                .addAttributes(attr("enduser.id", "user-" + random.nextInt(100_000)))
                .addAttributes(attr("session.id", "session-" + random.nextInt(1_000_000)))
                .addAttributes(attr("client.geo.country.iso_code", "DE"))
                .addAttributes(attr("client.geo.region.iso_code", "DE-BE"))
                .addAttributes(attr("client.geo.locality.name", "Berlin"))
                .addAttributes(attr("thread.name", "http-nio-8080-exec-" + (i % 16)))
                .addAttributes(attr("thread.id", 40 + i % 16))
                .addAttributes(attr("code.function", "handle"))
                .addAttributes(attr("code.namespace", "com.example.shop.CheckoutController"))
                .addAttributes(attr("feature_flag.key", FLAGS[i % FLAGS.length]));
        if (i % 2 == 0) {
            span.setParentSpanId(ByteString.copyFrom(parent));
        }
        if (status >= 500) {
            span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("upstream unavailable"));
        }
        for (int f = 0; f < 2; f++) {
            String flag = FLAGS[(i + f) % FLAGS.length];
            span.addEvents(Span.Event.newBuilder().setName("feature_flag.evaluation").setTimeUnixNano(start + 1000)
                    .addAttributes(attr("feature_flag.key", flag))
                    .addAttributes(attr("feature_flag.result.variant", random.nextInt(10) == 0 ? "on" : "off"))
                    .addAttributes(attr("feature_flag.provider.name", "lightswitch")));
        }
        return span.build();
    }

    private static KeyValue attr(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue attr(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }

    /** OTLP/JSON: protobuf's JSON mapping, with the ids turned from base64 into hex as OTLP requires. */
    static byte[] json(ExportTraceServiceRequest request) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = mapper.readTree(JsonFormat.printer().omittingInsignificantWhitespace().print(request));
        for (JsonNode resource : tree.path("resourceSpans")) {
            for (JsonNode scope : resource.path("scopeSpans")) {
                for (JsonNode span : scope.path("spans")) {
                    for (String field : new String[] {"traceId", "spanId", "parentSpanId"}) {
                        if (span.hasNonNull(field)) {
                            ((ObjectNode) span).put(field,
                                    HexFormat.of().formatHex(Base64.getDecoder().decode(span.get(field).asText())));
                        }
                    }
                }
            }
        }
        return mapper.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
    }
}
