package io.lightswitch.ingest.rum;

import static io.lightswitch.ingest.rum.Fields.absent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** Reads one event of a beacon, or throws {@link InvalidField} at its first bad field. */
final class BeaconEventReader {

    private static final int RRWEB_MAX_EVENT_TYPE = 6;

    private final BeaconLimits limits;
    private final ObjectMapper mapper;

    BeaconEventReader(BeaconLimits limits, ObjectMapper mapper) {
        this.limits = limits;
        this.mapper = mapper;
    }

    BeaconEvent read(JsonNode event, String path) {
        if (!event.isObject()) {
            throw new InvalidField(path, "must be an object");
        }
        String type = Fields.requiredText(event, "type", path, limits.maxTextChars());
        Instant at = Fields.instant(event, "at", path);
        return switch (type) {
            case "page_load" -> pageLoad(event, path, at);
            case "action" -> new BeaconEvent.UserAction(at,
                    Fields.requiredText(event, "name", path, limits.maxTextChars()),
                    Fields.optionalText(event, "target", path, limits.maxTextChars()));
            case "js_error" -> new BeaconEvent.JsError(at,
                    Fields.requiredText(event, "message", path, limits.maxMessageChars()),
                    Fields.optionalText(event, "errorType", path, limits.maxTextChars()),
                    Fields.optionalText(event, "stack", path, limits.maxStackChars()),
                    Fields.optionalText(event, "source", path, limits.maxUrlChars()),
                    Fields.nonNegativeInt(event, "line", path),
                    Fields.nonNegativeInt(event, "column", path));
            case "custom" -> new BeaconEvent.Custom(at,
                    Fields.requiredText(event, "name", path, limits.maxTextChars()),
                    Fields.finite(event, "value", path),
                    props(event, path));
            case "replay" -> replay(event, path, at);
            default -> throw new InvalidField(path + "type", "unknown event type \"" + type + "\"");
        };
    }

    private BeaconEvent.PageLoad pageLoad(JsonNode event, String path, Instant at) {
        BeaconEvent.PageLoad pageLoad = new BeaconEvent.PageLoad(at,
                Fields.nonNegative(event, "ttfb", path),
                Fields.nonNegative(event, "lcp", path),
                Fields.nonNegative(event, "inp", path),
                Fields.nonNegative(event, "cls", path));
        if (pageLoad.ttfbMs() == null && pageLoad.lcpMs() == null && pageLoad.inpMs() == null
                && pageLoad.cls() == null) {
            throw new InvalidField(path, "a page_load needs at least one of ttfb, lcp, inp, cls");
        }
        return pageLoad;
    }

    /** Props stay a flat object of scalars so analytics can index them without walking trees. */
    private JsonNode props(JsonNode event, String path) {
        JsonNode props = event.get("props");
        if (absent(props)) {
            return null;
        }
        if (!props.isObject()) {
            throw new InvalidField(path + "props", "must be an object");
        }
        if (props.size() > limits.maxCustomProps()) {
            throw new InvalidField(path + "props", "more than " + limits.maxCustomProps() + " properties");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = props.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new InvalidField(path + "props." + field.getKey(), "must be a string, number, boolean or null");
            }
            if (value.isTextual() && value.textValue().length() > limits.maxTextChars()) {
                throw new InvalidField(path + "props." + field.getKey(),
                        "longer than " + limits.maxTextChars() + " characters");
            }
        }
        return props;
    }

    private BeaconEvent.ReplayChunk replay(JsonNode event, String path, Instant at) {
        Integer seq = Fields.nonNegativeInt(event, "seq", path);
        if (seq == null) {
            throw new InvalidField(path + "seq", "required");
        }
        JsonNode rrweb = event.get("events");
        if (absent(rrweb) || !rrweb.isArray() || rrweb.isEmpty()) {
            throw new InvalidField(path + "events", "must be a non-empty array of rrweb events");
        }
        for (int i = 0; i < rrweb.size(); i++) {
            JsonNode recorded = rrweb.get(i);
            String recordedPath = path + "events[" + i + "].";
            JsonNode type = recorded.path("type");
            if (!type.isIntegralNumber() || type.intValue() < 0 || type.intValue() > RRWEB_MAX_EVENT_TYPE) {
                throw new InvalidField(recordedPath + "type", "must be an rrweb event type from 0 to 6");
            }
            if (!recorded.path("timestamp").isNumber()) {
                throw new InvalidField(recordedPath + "timestamp", "must be epoch milliseconds");
            }
        }
        if (!fitsIn(rrweb, limits.maxReplayBytes())) {
            throw new InvalidField(path + "events", "replay chunk is over " + limits.maxReplayBytes() + " bytes");
        }
        return new BeaconEvent.ReplayChunk(at, seq, rrweb);
    }

    /** Serialises into a counter that gives up at the limit, so an oversized chunk costs no more than the limit. */
    private boolean fitsIn(JsonNode node, int maxBytes) {
        ByteLimit counter = new ByteLimit(maxBytes);
        try {
            mapper.writeValue(counter, node);
            return true;
        } catch (IOException overLimit) {
            return false;
        }
    }

    private static final class ByteLimit extends OutputStream {
        private final long max;
        private long count;

        ByteLimit(long max) {
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            add(len);
        }

        private void add(int bytes) throws IOException {
            count += bytes;
            if (count > max) {
                throw new IOException("over " + max + " bytes");
            }
        }
    }
}
