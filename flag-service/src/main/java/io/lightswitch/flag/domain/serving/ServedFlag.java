package io.lightswitch.flag.domain.serving;

import io.lightswitch.flag.domain.evaluation.CompiledFlag;
import io.lightswitch.flag.domain.model.FlagType;

/**
 * A flag ready to evaluate in one environment. {@code compiled} is null when the stored configuration
 * could not be compiled (say, it names a segment deleted since); {@code problem} then says why, and
 * evaluation answers with a GENERAL error rather than guessing.
 */
public record ServedFlag(String key, FlagType type, boolean clientVisible, long version, CompiledFlag compiled,
                         String problem) {
}
