package io.lightswitch.flag.domain.serving;

import java.util.Map;
import java.util.UUID;

/** Every flag of one environment, immutable; replaced whole when anything in the environment changes. */
public record EnvironmentSnapshot(UUID environmentId, UUID projectId, String projectKey, String environmentKey,
                                  Map<String, ServedFlag> flags) {

    public ServedFlag flag(String key) {
        return flags.get(key);
    }
}
