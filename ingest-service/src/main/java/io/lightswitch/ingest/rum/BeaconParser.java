package io.lightswitch.ingest.rum;

import static io.lightswitch.ingest.rum.Fields.absent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parses and validates a RUM beacon (schema v1, docs/rum-beacon-v1.md). The body is the same bytes whether
 * it arrived as {@code text/plain} ({@code navigator.sendBeacon} with a string) or {@code application/json}.
 * A bad event is dropped and counted; a body that is not JSON, lacks {@code sessionId} or
 * {@code page.url}, or has another version than 1 is rejected whole. Unknown fields are ignored.
 * Thread-safe.
 */
public final class BeaconParser {

    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final BeaconLimits limits;
    private final BeaconEventReader events;

    public BeaconParser(BeaconLimits limits) {
        this.limits = limits;
        this.events = new BeaconEventReader(limits, MAPPER);
    }

    public BeaconParser() {
        this(BeaconLimits.defaults());
    }

    public BeaconParseResult parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return BeaconParseResult.rejected(List.of(new FieldError("body", "not valid JSON")));
        }
        if (root == null || !root.isObject()) {
            return BeaconParseResult.rejected(List.of(new FieldError("body", "must be a JSON object")));
        }

        List<FieldError> beaconErrors = new ArrayList<>();
        Integer version = attempt(beaconErrors, () -> version(root));
        String sessionId = attempt(beaconErrors,
                () -> Fields.identifier(root, "sessionId", "", limits.maxIdChars(), true));
        String userId = attempt(beaconErrors, () -> Fields.identifier(root, "userId", "", limits.maxIdChars(), false));
        JsonNode page = root.path("page");
        String pageUrl = attempt(beaconErrors, () -> pageUrl(page));
        String referrer = attempt(beaconErrors,
                () -> page.isObject() ? Fields.optionalText(page, "referrer", "page.", limits.maxUrlChars()) : null);
        String userAgent = attempt(beaconErrors,
                () -> Fields.optionalText(root, "userAgent", "", limits.maxTextChars()));
        JsonNode eventNodes = root.path("events");
        if (!eventNodes.isMissingNode() && !eventNodes.isNull() && !eventNodes.isArray()) {
            beaconErrors.add(new FieldError("events", "must be an array"));
        }
        if (!beaconErrors.isEmpty()) {
            return BeaconParseResult.rejected(beaconErrors);
        }

        List<FieldError> errors = new ArrayList<>();
        Map<String, String> flags = flags(root.path("flags"), errors);
        List<BeaconEvent> accepted = new ArrayList<>();
        int rejected = 0;
        int total = eventNodes.isArray() ? eventNodes.size() : 0;
        for (int i = 0; i < Math.min(total, limits.maxEvents()); i++) {
            try {
                accepted.add(events.read(eventNodes.get(i), "events[" + i + "]."));
            } catch (InvalidField invalid) {
                rejected++;
                errors.add(withoutTrailingDot(invalid.error()));
            }
        }
        if (total > limits.maxEvents()) {
            int over = total - limits.maxEvents();
            rejected += over;
            errors.add(new FieldError("events", over + " events over the limit of " + limits.maxEvents() + " dropped"));
        }
        Beacon beacon = new Beacon(version, sessionId, userId, pageUrl, referrer, userAgent, flags, accepted);
        return new BeaconParseResult(beacon, rejected, errors);
    }

    private static Integer version(JsonNode root) {
        JsonNode v = root.get("v");
        if (absent(v)) {
            throw new InvalidField("v", "required");
        }
        if (!v.isIntegralNumber() || v.intValue() != VERSION) {
            throw new InvalidField("v", "unsupported version " + v + "; this endpoint accepts " + VERSION);
        }
        return VERSION;
    }

    private String pageUrl(JsonNode page) {
        if (!page.isObject()) {
            throw new InvalidField("page", "required object with url");
        }
        return Fields.requiredText(page, "url", "page.", limits.maxUrlChars());
    }

    /** Variants are strings; a boolean or number is what some SDKs report as the variant, so it is kept as text. */
    private Map<String, String> flags(JsonNode node, List<FieldError> errors) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (absent(node)) {
            return flags;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("flags", "must be an object of flag key to variant; ignored"));
            return flags;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode variant = field.getValue();
            String path = "flags." + key;
            if (flags.size() == limits.maxFlags()) {
                errors.add(new FieldError("flags", "more than " + limits.maxFlags() + " flags; the rest ignored"));
                break;
            }
            if (key.isBlank() || key.length() > limits.maxIdChars()) {
                errors.add(new FieldError(path, "flag key must be 1 to " + limits.maxIdChars() + " characters; ignored"));
            } else if (!variant.isValueNode() || variant.isNull()
                    || variant.asText().isBlank() || variant.asText().length() > limits.maxIdChars()) {
                errors.add(new FieldError(path, "variant must be a string of 1 to " + limits.maxIdChars()
                        + " characters; ignored"));
            } else {
                flags.put(key, variant.asText());
            }
        }
        return flags;
    }

    private static <T> T attempt(List<FieldError> errors, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidField invalid) {
            errors.add(invalid.error());
            return null;
        }
    }

    /** Event paths are built as prefixes ("events[2].") so a whole-event error ends in a dot; drop it. */
    private static FieldError withoutTrailingDot(FieldError error) {
        String path = error.path();
        return path.endsWith(".") ? new FieldError(path.substring(0, path.length() - 1), error.reason()) : error;
    }
}
