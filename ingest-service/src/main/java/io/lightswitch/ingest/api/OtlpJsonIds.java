package io.lightswitch.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * OTLP/JSON writes trace and span ids as hex, while protobuf's JSON mapping reads bytes fields as base64
 * (and accepts hex silently, decoding it to ids of the wrong length). This rewrites the id fields of a
 * parsed span or log record to base64 before the protobuf mapping reads it. A malformed id becomes a one-byte id,
 * so normalisation rejects that item with a reason instead of the whole request failing.
 */
final class OtlpJsonIds {

    private static final String MALFORMED = Base64.getEncoder().encodeToString(new byte[1]);
    private static final HexFormat HEX = HexFormat.of();

    private OtlpJsonIds() {
    }

    static void rewriteSpan(ObjectNode span) {
        rewrite(span, "traceId", "trace_id");
        rewrite(span, "spanId", "span_id");
        rewrite(span, "parentSpanId", "parent_span_id");
        each(span, "links", "links", link -> {
            rewrite(link, "traceId", "trace_id");
            rewrite(link, "spanId", "span_id");
        });
    }

    static void rewriteLog(ObjectNode log) {
        rewrite(log, "traceId", "trace_id");
        rewrite(log, "spanId", "span_id");
    }

    private static void each(JsonNode parent, String camel, String snake, Consumer<ObjectNode> action) {
        JsonNode array = parent.has(camel) ? parent.get(camel) : parent.get(snake);
        if (array == null || !array.isArray()) {
            return;
        }
        for (JsonNode element : array) {
            if (element instanceof ObjectNode object) {
                action.accept(object);
            }
        }
    }

    private static void rewrite(ObjectNode node, String camel, String snake) {
        String field = node.has(camel) ? camel : snake;
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            return;
        }
        node.put(field, base64(value.textValue()));
    }

    private static String base64(String hex) {
        if (hex.length() % 2 != 0) {
            return MALFORMED;
        }
        try {
            return Base64.getEncoder().encodeToString(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            return MALFORMED;
        }
    }
}
