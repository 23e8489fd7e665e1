package io.lightswitch.ingest.domain;

/** The environment telemetry is counted in: a project key and one of its environment keys. */
public record Attribution(String project, String environment) {

    /** The same project's environment of that name; the telemetry may name another environment than its key's. */
    public Attribution withEnvironment(String environmentKey) {
        return environmentKey == null || environmentKey.isBlank() || environmentKey.equals(environment)
                ? this : new Attribution(project, environmentKey);
    }
}
