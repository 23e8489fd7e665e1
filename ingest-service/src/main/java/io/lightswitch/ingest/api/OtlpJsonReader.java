package io.lightswitch.ingest.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestException.Kind;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an OTLP/JSON export with a streaming parser, one item (span, log record) at a time: only that
 * item is ever a JSON tree, its hex ids rewritten before protobuf's JSON mapping reads it. Reading the
 * whole body as one tree (and protobuf's mapping building a second one) took about 20 times the body in
 * heap; this takes the body and the resulting message.
 */
final class OtlpJsonReader {

    /** The nesting of an export down to its items: request, resource, scope; the last level holds items. */
    record Shape(List<String[]> levels, Consumer<ObjectNode> rewriteItem) {
    }

    static final Shape TRACES = new Shape(List.of(
            new String[] {"resourceSpans", "resource_spans"},
            new String[] {"scopeSpans", "scope_spans"},
            new String[] {"spans", "spans"}), OtlpJsonIds::rewriteSpan);

    static final Shape LOGS = new Shape(List.of(
            new String[] {"resourceLogs", "resource_logs"},
            new String[] {"scopeLogs", "scope_logs"},
            new String[] {"logRecords", "log_records"}), OtlpJsonIds::rewriteLog);

    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();

    private final ObjectMapper mapper;
    private final Shape shape;

    OtlpJsonReader(ObjectMapper mapper, Shape shape) {
        this.mapper = mapper;
        this.shape = shape;
    }

    <B extends Message.Builder> B read(byte[] body, B request) throws IOException {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IngestException(Kind.UNDECODABLE, "the body is not a JSON object");
            }
            readObject(parser, request, 0);
            if (parser.nextToken() != null) {
                throw new IngestException(Kind.UNDECODABLE, "the body has content after the JSON object");
            }
        }
        return request;
    }

    /** Reads the object the parser is at the start of into builder; the field of level {@code depth} is streamed. */
    private void readObject(JsonParser parser, Message.Builder builder, int depth) throws IOException {
        String[] streamed = shape.levels().get(depth);
        ObjectNode rest = mapper.createObjectNode();
        FieldDescriptor field = builder.getDescriptorForType().findFieldByName(streamed[1]);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!name.equals(streamed[0]) && !name.equals(streamed[1])) {
                rest.set(name, mapper.readTree(parser));
                continue;
            }
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw new IngestException(Kind.UNDECODABLE, "the body is not a valid OTLP JSON message: " + name
                        + " is not an array");
            }
            boolean items = depth == shape.levels().size() - 1;
            while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                Message.Builder child = builder.newBuilderForField(field);
                if (value != JsonToken.START_OBJECT) {
                    throw new IngestException(Kind.UNDECODABLE, "the body is not a valid OTLP JSON message: an element of "
                            + name + " is not an object");
                }
                if (items) {
                    ObjectNode item = (ObjectNode) mapper.readTree(parser);
                    shape.rewriteItem().accept(item);
                    JSON_PARSER.merge(item.toString(), child);
                } else {
                    readObject(parser, child, depth + 1);
                }
                builder.addRepeatedField(field, child.build());
            }
        }
        if (!rest.isEmpty()) {
            JSON_PARSER.merge(rest.toString(), builder);
        }
    }
}
