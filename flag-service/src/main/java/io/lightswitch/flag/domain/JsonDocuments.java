package io.lightswitch.flag.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import java.io.UncheckedIOException;

/** Reads and writes the JSON documents stored in text columns, with the same mapper as messages. */
public final class JsonDocuments {

    private JsonDocuments() {
    }

    public static String write(Object value) {
        try {
            return MessageCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MessageCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MessageCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Object value) {
        return MessageCodec.tree(value);
    }
}
