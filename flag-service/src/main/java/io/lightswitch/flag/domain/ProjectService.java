package io.lightswitch.flag.domain;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.AuditTrail.AuditRecord;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.EnvironmentRepository;
import io.lightswitch.flag.persistence.Project;
import io.lightswitch.flag.persistence.ProjectRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final EnvironmentRepository environments;
    private final EnvironmentService environmentService;
    private final AuditTrail audit;
    private final CommitHooks hooks;
    private final Lookup lookup;

    public ProjectService(ProjectRepository projects, EnvironmentRepository environments,
                          EnvironmentService environmentService, AuditTrail audit, CommitHooks hooks, Lookup lookup) {
        this.projects = projects;
        this.environments = environments;
        this.environmentService = environmentService;
        this.audit = audit;
        this.hooks = hooks;
        this.lookup = lookup;
    }

    /** A project together with its environments as created, keys included (shown this once). */
    public record CreatedProject(Project project, List<EnvironmentService.CreatedEnvironment> environments) {
    }

    public Uni<CreatedProject> create(String key, String name, String description, List<String> environmentKeys,
                                      Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        KeyRules.check("key", key, errors);
        KeyRules.requireText("name", name, 200, errors);
        KeyRules.optionalText("description", description, 2000, errors);
        List<String> envKeys = environmentKeys == null ? List.of() : environmentKeys;
        for (int i = 0; i < envKeys.size(); i++) {
            KeyRules.check("environments[" + i + "]", envKeys.get(i), errors);
        }
        if (new HashSet<>(envKeys).size() != envKeys.size()) {
            errors.add(new FieldError("environments", "must not repeat a key"));
        }
        KeyRules.throwIfAny(errors);
        return Panache.withTransaction(() -> projects.findByKey(key).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(new ConflictException("project '" + key + "' already exists"));
                    }
                    Project project = new Project();
                    project.id = UUID.randomUUID();
                    project.key = key;
                    project.name = name;
                    project.description = description;
                    project.createdAt = Instant.now();
                    return projects.persist(project)
                            .chain(() -> audit.record(AuditRecord.of(key, null, "project", key, "created", actor, null,
                                    null, Map.of("key", key, "name", name))))
                            .chain(() -> createEnvironments(project, envKeys, actor))
                            .map(created -> new CreatedProject(project, created));
                }))
                .call(created -> hooks.credentialsChanged())
                .call(created -> hooks.projectChanged(key));
    }

    private Uni<List<EnvironmentService.CreatedEnvironment>> createEnvironments(Project project, List<String> keys,
                                                                                 Actor actor) {
        Uni<List<EnvironmentService.CreatedEnvironment>> chain = Uni.createFrom().item(new ArrayList<>());
        for (String envKey : keys) {
            chain = chain.chain(list -> environmentService.createInTransaction(project, envKey, envKey, actor)
                    .map(created -> {
                        list.add(created);
                        return list;
                    }));
        }
        return chain;
    }

    public Uni<List<Project>> list() {
        return Panache.withSession(projects::listOrdered);
    }

    public record ProjectDetail(Project project, List<Environment> environments) {
    }

    public Uni<ProjectDetail> get(String key) {
        return Panache.withSession(() -> lookup.project(key).chain(project ->
                environments.listByProject(project.id).map(envs -> new ProjectDetail(project, envs))));
    }
}
