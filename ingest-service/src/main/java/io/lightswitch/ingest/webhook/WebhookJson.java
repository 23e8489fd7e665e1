package io.lightswitch.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/** Reading helpers shared by the provider mappers; every failure names the provider and the field. */
final class WebhookJson {

    private WebhookJson() {
    }

    static JsonNode parseObject(WebhookProvider provider, byte[] rawBody) {
        if (rawBody == null || rawBody.length == 0) {
            throw new WebhookPayloadException(provider, "empty body");
        }
        JsonNode root;
        try {
            root = MessageCodec.mapper().readTree(rawBody);
        } catch (JsonProcessingException e) {
            throw new WebhookPayloadException(provider, "body is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WebhookPayloadException(provider, "body is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WebhookPayloadException(provider, "body is not a JSON object");
        }
        return root;
    }

    /** The node, or null when it is absent or JSON null, so that "not sent" has one representation. */
    static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node;
    }

    static String text(JsonNode node) {
        JsonNode value = orNull(node);
        if (value == null || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static String requiredText(WebhookProvider provider, JsonNode parent, String field) {
        String value = text(parent.path(field));
        if (value == null) {
            throw new WebhookPayloadException(provider, "missing " + field);
        }
        return value;
    }

    static JsonNode requiredObject(WebhookProvider provider, JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (!value.isObject()) {
            throw new WebhookPayloadException(provider, "missing object " + field);
        }
        return value;
    }

    /** Accepts ISO-8601 with or without an offset (no offset means UTC) and epoch milliseconds, as number or string. */
    static Instant instant(WebhookProvider provider, JsonNode node, String field) {
        JsonNode value = orNull(node);
        if (value == null) {
            throw new WebhookPayloadException(provider, "missing " + field);
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        String text = value.asText().strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new WebhookPayloadException(provider, field + " is not a timestamp: " + text, e);
                }
            }
        }
    }

    /** A provider's environment name or key as a Lightswitch-style key: "Production EU" becomes "production-eu". */
    static String environmentKey(String providerEnvironment) {
        if (providerEnvironment == null || providerEnvironment.isBlank()) {
            return null;
        }
        return providerEnvironment.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** For providers that send no event id: a redelivery carries the same bytes, so the body names the event. */
    static String sha256Hex(byte[] rawBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
