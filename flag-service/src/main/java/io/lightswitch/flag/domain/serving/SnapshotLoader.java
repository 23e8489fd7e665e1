package io.lightswitch.flag.domain.serving;

import io.lightswitch.flag.domain.FlagDocuments;
import io.lightswitch.flag.domain.access.AdminRole;
import io.lightswitch.flag.domain.access.CredentialDirectory;
import io.lightswitch.flag.domain.access.CredentialKind;
import io.lightswitch.flag.domain.access.Principal;
import io.lightswitch.flag.domain.evaluation.FlagCompiler;
import io.lightswitch.flag.domain.evaluation.InvalidFlagConfigException;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.persistence.Credential;
import io.lightswitch.flag.persistence.CredentialRepository;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.EnvironmentRepository;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagRepository;
import io.lightswitch.flag.persistence.FlagState;
import io.lightswitch.flag.persistence.FlagStateRepository;
import io.lightswitch.flag.persistence.Project;
import io.lightswitch.flag.persistence.ProjectRepository;
import io.lightswitch.flag.persistence.Segment;
import io.lightswitch.flag.persistence.SegmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reads flag states and credentials from the database and compiles them into the in-memory
 * {@link SnapshotStore} and {@link CredentialDirectory}. Runs off the request path: at start-up, after
 * local commits, on flag events from any replica, and periodically as a safety net.
 */
@ApplicationScoped
public class SnapshotLoader {

    private static final Logger LOG = Logger.getLogger(SnapshotLoader.class);

    private final SnapshotStore store;
    private final CredentialDirectory credentials;
    private final ProjectRepository projects;
    private final EnvironmentRepository environments;
    private final FlagRepository flags;
    private final FlagStateRepository states;
    private final SegmentRepository segments;
    private final CredentialRepository credentialRepository;
    private final FlagCompiler compiler = new FlagCompiler();

    public SnapshotLoader(SnapshotStore store, CredentialDirectory credentials, ProjectRepository projects,
                          EnvironmentRepository environments, FlagRepository flags, FlagStateRepository states,
                          SegmentRepository segments, CredentialRepository credentialRepository) {
        this.store = store;
        this.credentials = credentials;
        this.projects = projects;
        this.environments = environments;
        this.flags = flags;
        this.states = states;
        this.segments = segments;
        this.credentialRepository = credentialRepository;
    }

    public Uni<Void> reloadAll() {
        return Panache.withSession(() -> environments.listAll())
                .chain(all -> reloadEach(all.stream().map(e -> e.id).toList()))
                .chain(this::reloadCredentials)
                .invoke(store::markLoaded);
    }

    public Uni<Void> reloadProject(String projectKey) {
        return Panache.withSession(() -> projects.findByKey(projectKey)
                        .chain(project -> project == null ? Uni.createFrom().item(List.<Environment>of())
                                : environments.listByProject(project.id)))
                .chain(list -> reloadEach(list.stream().map(e -> e.id).toList()));
    }

    public Uni<Void> reloadEnvironment(String projectKey, String environmentKey) {
        return Panache.withSession(() -> projects.findByKey(projectKey)
                        .chain(project -> project == null ? Uni.createFrom().nullItem()
                                : environments.findByProjectAndKey(project.id, environmentKey)))
                .chain(environment -> environment == null ? Uni.createFrom().voidItem()
                        : reloadEnvironment(environment.id));
    }

    public Uni<Void> reloadEnvironment(UUID environmentId) {
        long ticket = store.ticket();
        return Panache.withSession(() -> environments.findById(environmentId).chain(environment -> {
            if (environment == null) {
                store.forget(ticket, environmentId);
                return Uni.createFrom().voidItem();
            }
            return load(environment).invoke(snapshot -> store.offer(ticket, snapshot)).replaceWithVoid();
        }));
    }

    public Uni<Void> reloadCredentials() {
        return Panache.withSession(() -> projects.listAll().chain(allProjects ->
                environments.listAll().chain(allEnvironments ->
                        credentialRepository.listActive().invoke(active ->
                                credentials.replace(principals(allProjects, allEnvironments, active))))))
                .replaceWithVoid();
    }

    private Uni<Void> reloadEach(List<UUID> environmentIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : environmentIds) {
            chain = chain.chain(() -> reloadEnvironment(id));
        }
        return chain;
    }

    private Uni<EnvironmentSnapshot> load(Environment environment) {
        return projects.findById(environment.projectId).chain(project ->
                flags.listByProject(project.id).chain(projectFlags ->
                        states.listByEnvironment(environment.id).chain(envStates ->
                                segments.listByProject(project.id).map(projectSegments ->
                                        compile(project, environment, projectFlags, envStates, projectSegments)))));
    }

    private EnvironmentSnapshot compile(Project project, Environment environment, List<Flag> projectFlags,
                                        List<FlagState> envStates, List<Segment> projectSegments) {
        Map<String, SegmentDefinition> segmentsByKey = projectSegments.stream()
                .map(FlagDocuments::segmentDefinition)
                .collect(Collectors.toMap(SegmentDefinition::key, Function.identity()));
        Map<UUID, FlagState> stateByFlag = envStates.stream()
                .collect(Collectors.toMap(s -> s.flagId, Function.identity()));
        Map<String, ServedFlag> served = new HashMap<>();
        for (Flag flag : projectFlags) {
            FlagState state = stateByFlag.get(flag.id);
            if (state != null) {
                served.put(flag.key, serve(flag, state, segmentsByKey));
            }
        }
        return new EnvironmentSnapshot(environment.id, project.id, project.key, environment.key, Map.copyOf(served));
    }

    private ServedFlag serve(Flag flag, FlagState state, Map<String, SegmentDefinition> segmentsByKey) {
        FlagConfig config = FlagDocuments.config(flag, state);
        FlagType type = FlagDocuments.type(flag);
        try {
            return new ServedFlag(flag.key, type, flag.clientVisible, state.version,
                    compiler.compile(config, segmentsByKey), null);
        } catch (InvalidFlagConfigException e) {
            String problem = "flag configuration cannot be evaluated: " + e.getMessage();
            LOG.warnf("%s (flag %s)", problem, flag.key);
            return new ServedFlag(flag.key, type, flag.clientVisible, state.version, null, problem);
        }
    }

    private static Map<String, Principal> principals(List<Project> allProjects, List<Environment> allEnvironments,
                                                     List<Credential> active) {
        Map<UUID, Project> projectById = allProjects.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<UUID, Environment> environmentById = allEnvironments.stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<String, Principal> byHash = new HashMap<>();
        for (Credential credential : active) {
            CredentialKind kind = CredentialKind.fromWire(credential.kind);
            Project project = credential.projectId == null ? null : projectById.get(credential.projectId);
            Environment environment = credential.environmentId == null ? null
                    : environmentById.get(credential.environmentId);
            AdminRole role = credential.role == null ? null : AdminRole.fromWire(credential.role);
            byHash.put(credential.keyHash, new Principal(credential.id, kind, role, credential.name,
                    project == null ? null : project.id, project == null ? null : project.key,
                    environment == null ? null : environment.id, environment == null ? null : environment.key));
        }
        return byHash;
    }
}
