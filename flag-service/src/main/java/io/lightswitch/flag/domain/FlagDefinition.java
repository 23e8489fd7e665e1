package io.lightswitch.flag.domain;

import java.util.List;
import java.util.Map;

/**
 * The project-level part of a flag as written by the API. On creation {@code offVariant} and
 * {@code servedVariant} set the starting state of every environment; on update they are ignored.
 */
public record FlagDefinition(String key, String name, String description, List<String> tags, String type,
                             Map<String, Object> variants, Boolean clientVisible, String offVariant,
                             String servedVariant) {
}
