package io.lightswitch.analytics.query;

/** The environment every query is confined to, by the keys flag-service gives it. */
public record Scope(String project, String environment) {
}
