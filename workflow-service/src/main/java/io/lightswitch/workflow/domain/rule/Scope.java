package io.lightswitch.workflow.domain.rule;

import java.util.Collection;
import java.util.Objects;

/** Where a rule applies: one environment of a project, and which of its flags. */
public record Scope(String project, String environment, FlagSelector flags) {

    /**
     * Whether a subject falls in this scope. A null {@code environment} on the subject stands for a
     * project-level change (name, variants, visibility) that touches every environment, so it is in scope
     * of every environment's rules.
     */
    public boolean covers(String subjectProject, String subjectEnvironment, String flagKey, Collection<String> tags) {
        return Objects.equals(project, subjectProject)
                && (subjectEnvironment == null || Objects.equals(environment, subjectEnvironment))
                && flags != null && flags.selects(flagKey, tags);
    }
}
