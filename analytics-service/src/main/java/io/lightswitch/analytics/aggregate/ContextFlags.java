package io.lightswitch.analytics.aggregate;

import java.util.Map;

/** The variants a user or session was exposed to, for telemetry that carries no flags itself. */
@FunctionalInterface
public interface ContextFlags {

    ContextFlags NONE = (project, environment, contextId) -> Map.of();

    /** Flag key to variant for this context id; empty when unknown. */
    Map<String, String> of(String project, String environment, String contextId);
}
