package io.lightswitch.flag.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lightswitch.flag.domain.model.Condition;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.Match;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagState;
import io.lightswitch.flag.persistence.Segment;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts between stored rows (JSON text columns) and the flag model. */
public final class FlagDocuments {

    private static final TypeReference<List<TargetingRule>> RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> OVERRIDES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> VARIANTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };

    private FlagDocuments() {
    }

    public static FlagConfig config(Flag flag, FlagState state) {
        return new FlagConfig(flag.key, type(flag), variants(flag), flag.salt, state.version, state.enabled,
                state.offVariant, rules(state), serve(state.defaultServe), overrides(state));
    }

    public static FlagStateDocument document(Environment environment, FlagState state) {
        return new FlagStateDocument(environment.key, state.enabled, state.offVariant, rules(state),
                serve(state.defaultServe), overrides(state), state.version);
    }

    public static SegmentDefinition segmentDefinition(Segment segment) {
        return new SegmentDefinition(segment.key, Match.valueOf(segment.match.toUpperCase(Locale.ROOT)),
                JsonDocuments.read(segment.conditions, CONDITIONS));
    }

    public static FlagType type(Flag flag) {
        return FlagType.valueOf(flag.type.toUpperCase(Locale.ROOT));
    }

    public static Map<String, Object> variants(Flag flag) {
        return JsonDocuments.read(flag.variants, VARIANTS);
    }

    public static List<String> tags(Flag flag) {
        return JsonDocuments.read(flag.tags, TAGS);
    }

    public static List<TargetingRule> rules(FlagState state) {
        return JsonDocuments.read(state.rules, RULES);
    }

    public static Map<String, String> overrides(FlagState state) {
        return JsonDocuments.read(state.overrides, OVERRIDES);
    }

    public static Serve serve(String json) {
        return JsonDocuments.read(json, Serve.class);
    }
}
