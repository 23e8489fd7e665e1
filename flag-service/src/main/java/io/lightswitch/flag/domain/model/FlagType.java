package io.lightswitch.flag.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of every variant value of a flag; OFREP clients ask for a value of this type. */
public enum FlagType {
    @JsonProperty("boolean") BOOLEAN,
    @JsonProperty("string") STRING,
    @JsonProperty("number") NUMBER,
    @JsonProperty("object") OBJECT;

    /** Whether a JSON-decoded value (Boolean, String, Number, Map or List) fits this type. */
    public boolean accepts(Object value) {
        return switch (this) {
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case OBJECT -> value instanceof java.util.Map || value instanceof java.util.List;
        };
    }
}
