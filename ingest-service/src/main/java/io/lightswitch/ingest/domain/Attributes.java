package io.lightswitch.ingest.domain;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OTLP attributes by key, read as the scalar types the normalised records use. */
final class Attributes {

    static final Attributes NONE = new Attributes(List.of(), null);

    /** Up to this many, a lookup scans the list: cheaper than hashing every key of every span for a few lookups. */
    private static final int SCAN_LIMIT = 32;

    private final List<KeyValue> list;
    private final Map<String, AnyValue> byKey;

    private Attributes(List<KeyValue> list, Map<String, AnyValue> byKey) {
        this.list = list;
        this.byKey = byKey;
    }

    static Attributes of(List<KeyValue> attributes) {
        if (attributes.isEmpty()) {
            return NONE;
        }
        if (attributes.size() <= SCAN_LIMIT) {
            return new Attributes(attributes, null);
        }
        Map<String, AnyValue> byKey = new HashMap<>(attributes.size() * 2);
        for (KeyValue kv : attributes) {
            byKey.putIfAbsent(kv.getKey(), kv.getValue());
        }
        return new Attributes(attributes, byKey);
    }

    /** The first value of a key, as OTLP says keys are unique and the first is what a map would have kept. */
    private AnyValue get(String key) {
        if (byKey != null) {
            return byKey.get(key);
        }
        for (int i = 0, n = list.size(); i < n; i++) {
            KeyValue kv = list.get(i);
            if (kv.getKey().equals(key)) {
                return kv.getValue();
            }
        }
        return null;
    }

    /** A scalar as text (numbers and booleans too); null when absent, empty or not a scalar. */
    String text(String key) {
        AnyValue value = get(key);
        if (value == null) {
            return null;
        }
        String text = switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> null;
        };
        return text == null || text.isEmpty() ? null : text;
    }

    /** The first of the keys that is present, as text. */
    String text(String key, String fallbackKey) {
        String value = text(key);
        return value != null ? value : text(fallbackKey);
    }

    /** An integer, also when sent as a decimal string; null when absent or not an integer. */
    Integer integer(String key) {
        AnyValue value = get(key);
        if (value == null) {
            return null;
        }
        if (value.getValueCase() == AnyValue.ValueCase.INT_VALUE) {
            long v = value.getIntValue();
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (int) v : null;
        }
        if (value.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
            try {
                return Integer.valueOf(value.getStringValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
