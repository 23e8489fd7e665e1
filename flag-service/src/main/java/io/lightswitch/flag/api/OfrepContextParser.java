package io.lightswitch.flag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightswitch.flag.domain.evaluation.EvaluationContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads an OFREP request body {@code {"context": {"targetingKey": "...", ...}}}. An empty body is an
 * empty context; anything that is not JSON is a PARSE_ERROR; a context that is not an object, or a
 * targeting key that is not a string, is INVALID_CONTEXT.
 */
@ApplicationScoped
public class OfrepContextParser {

    public static final class OfrepRequestException extends RuntimeException {
        private final String errorCode;

        OfrepRequestException(String errorCode, String message) {
            super(message);
            this.errorCode = errorCode;
        }

        public String errorCode() {
            return errorCode;
        }
    }

    private final ObjectMapper mapper;

    public OfrepContextParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EvaluationContext parse(byte[] body) {
        if (body == null || body.length == 0) {
            return EvaluationContext.of(null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OfrepRequestException("PARSE_ERROR", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OfrepRequestException("PARSE_ERROR", "the body could not be read");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return EvaluationContext.of(null);
        }
        if (!root.isObject()) {
            throw new OfrepRequestException("PARSE_ERROR", "the body must be a JSON object with a 'context'");
        }
        JsonNode context = root.get("context");
        if (context == null || context.isNull()) {
            return EvaluationContext.of(null);
        }
        if (!context.isObject()) {
            throw new OfrepRequestException("INVALID_CONTEXT", "'context' must be a JSON object");
        }
        String targetingKey = null;
        Map<String, Object> attributes = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = context.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("targetingKey".equals(field.getKey())) {
                JsonNode key = field.getValue();
                if (!key.isNull() && !key.isTextual()) {
                    throw new OfrepRequestException("INVALID_CONTEXT", "'context.targetingKey' must be a string");
                }
                targetingKey = key.isNull() || key.asText().isEmpty() ? null : key.asText();
            } else {
                attributes.put(field.getKey(), mapper.convertValue(field.getValue(), Object.class));
            }
        }
        return new EvaluationContext(targetingKey, attributes);
    }
}
