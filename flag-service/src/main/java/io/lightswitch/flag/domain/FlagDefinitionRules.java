package io.lightswitch.flag.domain;

import io.lightswitch.flag.domain.model.FlagType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a flag definition field by field, naming every problem at once. */
final class FlagDefinitionRules {

    private static final int MAX_VARIANTS = 100;
    private static final int MAX_TAGS = 50;

    private FlagDefinitionRules() {
    }

    static FlagType checkForCreate(FlagDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        KeyRules.check("key", definition.key(), errors);
        FlagType type = parseType(definition.type(), errors);
        checkCommon(definition, type, errors);
        Map<String, Object> variants = definition.variants();
        if (variants != null && !variants.isEmpty()) {
            checkVariantName("offVariant", definition.offVariant(), variants, errors);
            checkVariantName("servedVariant", definition.servedVariant(), variants, errors);
        }
        KeyRules.throwIfAny(errors);
        return type;
    }

    static void checkForUpdate(FlagDefinition definition, FlagType type) {
        List<FieldError> errors = new ArrayList<>();
        if (definition.type() != null && !definition.type().equalsIgnoreCase(type.name())) {
            errors.add(new FieldError("type", "cannot change once a flag exists; create a new flag"));
        }
        checkCommon(definition, type, errors);
        KeyRules.throwIfAny(errors);
    }

    private static void checkCommon(FlagDefinition definition, FlagType type, List<FieldError> errors) {
        KeyRules.requireText("name", definition.name(), 200, errors);
        KeyRules.optionalText("description", definition.description(), 2000, errors);
        List<String> tags = definition.tags() == null ? List.of() : definition.tags();
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "must have at most " + MAX_TAGS + " entries"));
        }
        for (int i = 0; i < tags.size(); i++) {
            KeyRules.check("tags[" + i + "]", tags.get(i), errors);
        }
        Map<String, Object> variants = definition.variants();
        if (variants == null || variants.isEmpty()) {
            if (type != FlagType.BOOLEAN) {
                errors.add(new FieldError("variants", "is required for a " + type.name().toLowerCase(Locale.ROOT)
                        + " flag"));
            }
            return;
        }
        if (variants.size() > MAX_VARIANTS) {
            errors.add(new FieldError("variants", "must have at most " + MAX_VARIANTS + " entries"));
        }
        for (Map.Entry<String, Object> variant : variants.entrySet()) {
            String field = "variants." + variant.getKey();
            KeyRules.check(field, variant.getKey(), errors);
            if (type != null && (variant.getValue() == null || !type.accepts(variant.getValue()))) {
                errors.add(new FieldError(field, "must be a " + type.name().toLowerCase(Locale.ROOT) + " value"));
            }
        }
    }

    private static FlagType parseType(String type, List<FieldError> errors) {
        if (type == null) {
            errors.add(new FieldError("type", "is required: boolean, string, number or object"));
            return null;
        }
        try {
            return FlagType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "must be boolean, string, number or object"));
            return null;
        }
    }

    private static void checkVariantName(String field, String name, Map<String, Object> variants,
                                         List<FieldError> errors) {
        if (name != null && !variants.containsKey(name)) {
            errors.add(new FieldError(field, "names no variant of this flag"));
        }
    }
}
