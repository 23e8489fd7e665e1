package io.lightswitch.flag.api;

import io.lightswitch.flag.domain.EnvironmentService.CreatedEnvironment;
import io.lightswitch.flag.domain.EnvironmentService.EnvironmentDetail;
import io.lightswitch.flag.domain.ProjectService.CreatedProject;
import io.lightswitch.flag.domain.access.IssuedSecret;
import io.lightswitch.flag.persistence.Credential;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.Project;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of projects, environments and keys. */
public final class ProjectViews {

    private ProjectViews() {
    }

    public record CreateProjectRequest(String key, String name, String description, List<String> environments) {
    }

    public record CreateEnvironmentRequest(String key, String name) {
    }

    public record ProjectView(String key, String name, String description, Instant createdAt,
                              List<EnvironmentView> environments) {
        static ProjectView of(Project project, List<EnvironmentView> environments) {
            return new ProjectView(project.key, project.name, project.description, project.createdAt, environments);
        }
    }

    /** An environment; {@code keys} lists key prefixes, or the secrets themselves right after issue. */
    public record EnvironmentView(String key, String name, Instant createdAt, List<KeyView> keys) {
        static EnvironmentView of(Environment environment) {
            return new EnvironmentView(environment.key, environment.name, environment.createdAt, List.of());
        }

        static EnvironmentView of(CreatedEnvironment created) {
            return new EnvironmentView(created.environment().key, created.environment().name,
                    created.environment().createdAt, created.keys().stream().map(KeyView::of).toList());
        }

        static EnvironmentView of(EnvironmentDetail detail) {
            return new EnvironmentView(detail.environment().key, detail.environment().name,
                    detail.environment().createdAt, detail.activeKeys().stream().map(KeyView::of).toList());
        }
    }

    /** A key; {@code secret} is present only in the response that issued it. */
    public record KeyView(String id, String kind, String prefix, String secret, Instant createdAt) {
        static KeyView of(IssuedSecret issued) {
            return new KeyView(issued.id(), issued.kind().wireName(), issued.prefix(), issued.secret(),
                    issued.createdAt());
        }

        static KeyView of(Credential credential) {
            return new KeyView(credential.id, credential.kind, credential.keyPrefix, null, credential.createdAt);
        }
    }

    static ProjectView created(CreatedProject created) {
        return ProjectView.of(created.project(), created.environments().stream().map(EnvironmentView::of).toList());
    }
}
