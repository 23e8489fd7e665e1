package io.lightswitch.flag.domain;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.AuditTrail.AuditRecord;
import io.lightswitch.flag.domain.access.CredentialIssuer;
import io.lightswitch.flag.domain.access.CredentialKind;
import io.lightswitch.flag.domain.access.IssuedSecret;
import io.lightswitch.flag.persistence.Credential;
import io.lightswitch.flag.persistence.CredentialRepository;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.EnvironmentRepository;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagRepository;
import io.lightswitch.flag.persistence.FlagState;
import io.lightswitch.flag.persistence.FlagStateRepository;
import io.lightswitch.flag.persistence.Project;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class EnvironmentService {

    private static final List<CredentialKind> ENVIRONMENT_KEYS =
            List.of(CredentialKind.SERVER, CredentialKind.CLIENT, CredentialKind.INGEST);

    private final EnvironmentRepository environments;
    private final FlagRepository flags;
    private final FlagStateRepository states;
    private final CredentialRepository credentials;
    private final CredentialIssuer issuer;
    private final FlagStateFactory stateFactory;
    private final AuditTrail audit;
    private final CommitHooks hooks;
    private final Lookup lookup;

    public EnvironmentService(EnvironmentRepository environments, FlagRepository flags, FlagStateRepository states,
                              CredentialRepository credentials, CredentialIssuer issuer, FlagStateFactory stateFactory,
                              AuditTrail audit, CommitHooks hooks, Lookup lookup) {
        this.environments = environments;
        this.flags = flags;
        this.states = states;
        this.credentials = credentials;
        this.issuer = issuer;
        this.stateFactory = stateFactory;
        this.audit = audit;
        this.hooks = hooks;
        this.lookup = lookup;
    }

    /** An environment as created, with its three keys in clear (shown this once). */
    public record CreatedEnvironment(Environment environment, List<IssuedSecret> keys) {
    }

    public record EnvironmentDetail(Environment environment, List<Credential> activeKeys) {
    }

    public Uni<CreatedEnvironment> create(String projectKey, String key, String name, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        KeyRules.check("key", key, errors);
        KeyRules.optionalText("name", name, 200, errors);
        KeyRules.throwIfAny(errors);
        return Panache.withTransaction(() -> lookup.project(projectKey)
                        .chain(project -> createInTransaction(project, key, name == null ? key : name, actor)))
                .call(created -> hooks.credentialsChanged())
                .call(created -> hooks.environmentsChanged(List.of(created.environment().id)));
    }

    /** Creates the environment, its keys, and a disabled state for every existing flag of the project. */
    Uni<CreatedEnvironment> createInTransaction(Project project, String key, String name, Actor actor) {
        return environments.findByProjectAndKey(project.id, key).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(
                        new ConflictException("environment '" + key + "' already exists in project '" + project.key + "'"));
            }
            Environment environment = new Environment();
            environment.id = UUID.randomUUID();
            environment.projectId = project.id;
            environment.key = key;
            environment.name = name;
            environment.createdAt = Instant.now();
            return environments.persist(environment)
                    .chain(() -> flags.listByProject(project.id))
                    .chain(projectFlags -> persistStates(projectFlags, environment))
                    .chain(() -> issueKeys(project, environment))
                    .call(() -> audit.record(AuditRecord.of(project.key, key, "environment", key, "created", actor,
                            null, null, Map.of("key", key, "name", name))))
                    .map(keys -> new CreatedEnvironment(environment, keys));
        });
    }

    private Uni<Void> persistStates(List<Flag> projectFlags, Environment environment) {
        List<FlagState> newStates = projectFlags.stream()
                .map(flag -> stateFactory.initialState(flag, environment.id)).toList();
        return newStates.isEmpty() ? Uni.createFrom().voidItem() : states.persist(newStates);
    }

    private Uni<List<IssuedSecret>> issueKeys(Project project, Environment environment) {
        Uni<List<IssuedSecret>> chain = Uni.createFrom().item(new ArrayList<>());
        for (CredentialKind kind : ENVIRONMENT_KEYS) {
            chain = chain.chain(list -> issuer.issueEnvironmentKey(project, environment, kind).map(secret -> {
                list.add(secret);
                return list;
            }));
        }
        return chain;
    }

    public Uni<List<Environment>> list(String projectKey) {
        return Panache.withSession(() -> lookup.project(projectKey).chain(p -> environments.listByProject(p.id)));
    }

    public Uni<EnvironmentDetail> get(String projectKey, String key) {
        return Panache.withSession(() -> lookup.project(projectKey)
                .chain(project -> lookup.environment(project, key))
                .chain(environment -> credentials.listActiveByEnvironment(environment.id)
                        .map(keys -> new EnvironmentDetail(environment, keys))));
    }

    /** Issues a new key of the kind and revokes the old one at once. */
    public Uni<IssuedSecret> rotateKey(String projectKey, String key, String kindName, Actor actor) {
        CredentialKind kind = parseEnvironmentKeyKind(kindName);
        return Panache.withTransaction(() -> lookup.project(projectKey).chain(project ->
                        lookup.environment(project, key).chain(environment ->
                                credentials.listActiveByEnvironmentAndKind(environment.id, kind.wireName())
                                        .call(old -> revokeAll(old, project.key, environment.key))
                                        .chain(old -> issuer.issueEnvironmentKey(project, environment, kind))
                                        .call(issued -> audit.record(AuditRecord.of(project.key, environment.key,
                                                "credential", issued.id(), "rotated", actor, null, null,
                                                Map.of("kind", kind.wireName(), "prefix", issued.prefix())))))))
                .call(issued -> hooks.credentialsChanged());
    }

    private Uni<Void> revokeAll(List<Credential> old, String projectKey, String environmentKey) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Credential credential : old) {
            chain = chain.chain(() -> issuer.revoke(credential, projectKey, environmentKey));
        }
        return chain;
    }

    private static CredentialKind parseEnvironmentKeyKind(String kindName) {
        for (CredentialKind kind : ENVIRONMENT_KEYS) {
            if (kind.wireName().equals(kindName)) {
                return kind;
            }
        }
        throw ValidationException.of("kind", "must be one of server, client, ingest");
    }
}
