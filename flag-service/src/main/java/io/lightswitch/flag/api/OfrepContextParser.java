package io.lightswitch.flag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightswitch.flag.domain.evaluation.EvaluationContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
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
        Object root;
        try {
            root = mapper.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new OfrepRequestException("PARSE_ERROR", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OfrepRequestException("PARSE_ERROR", "the body could not be read");
        }
        if (root == null) {
            return EvaluationContext.of(null);
        }
        if (!(root instanceof Map<?, ?> request)) {
            throw new OfrepRequestException("PARSE_ERROR", "the body must be a JSON object with a 'context'");
        }
        Object context = request.get("context");
        if (context == null) {
            return EvaluationContext.of(null);
        }
        if (!(context instanceof Map<?, ?>)) {
            throw new OfrepRequestException("INVALID_CONTEXT", "'context' must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) context;
        Object targetingKey = attributes.remove("targetingKey");
        if (targetingKey != null && !(targetingKey instanceof String)) {
            throw new OfrepRequestException("INVALID_CONTEXT", "'context.targetingKey' must be a string");
        }
        String key = (String) targetingKey;
        return new EvaluationContext(key == null || key.isEmpty() ? null : key, attributes);
    }
}
