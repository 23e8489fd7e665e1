package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a flag definition and the segments it may reference into a {@link CompiledFlag}, or reports every
 * invalid field. Field paths follow the submitted body: {@code rules[2].conditions[0].values[1]},
 * {@code defaultServe.split[1].weight}, {@code overrides.alice}, {@code variants.on}. A problem inside a
 * referenced segment is reported at the referencing {@code rules[i].segment}. Stateless and thread-safe.
 */
public final class FlagCompiler {

    /** @throws InvalidFlagConfigException listing every invalid field */
    public CompiledFlag compile(FlagConfig flag, Map<String, SegmentDefinition> segmentsByKey) {
        FlagCompilation compilation = new FlagCompilation(flag, segmentsByKey);
        CompiledFlag compiled = compilation.run();
        if (!compilation.errors().isEmpty()) {
            throw new InvalidFlagConfigException(compilation.errors());
        }
        return compiled;
    }

    /** Every invalid field of the flag, empty when it compiles. */
    public static List<FieldError> validate(FlagConfig flag, Map<String, SegmentDefinition> segmentsByKey) {
        FlagCompilation compilation = new FlagCompilation(flag, segmentsByKey);
        compilation.run();
        return List.copyOf(compilation.errors());
    }

    /** Every invalid field of a segment body on its own, at paths such as {@code conditions[0].values[0]}. */
    public static List<FieldError> validateSegment(SegmentDefinition segment) {
        List<FieldError> errors = new ArrayList<>();
        if (segment.key() == null || segment.key().isBlank()) {
            errors.add(new FieldError("key", "is required"));
        }
        ConditionCompiler.compileGroup(segment.match(), segment.conditions(), "conditions", errors);
        return List.copyOf(errors);
    }
}
