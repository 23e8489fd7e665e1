package io.lightswitch.flag.domain;

import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.flag.FlagDeleted;
import io.lightswitch.flag.domain.AuditTrail.AuditRecord;
import io.lightswitch.flag.domain.FlagStateChanger.StateChange;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.messaging.Outbox;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.EnvironmentRepository;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagRepository;
import io.lightswitch.flag.persistence.FlagStateRepository;
import io.lightswitch.flag.persistence.Project;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Flags as a project defines them: key, type, variants, visibility; and their states in every environment. */
@ApplicationScoped
public class FlagService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FlagRepository flags;
    private final FlagStateRepository states;
    private final EnvironmentRepository environments;
    private final FlagStateFactory stateFactory;
    private final FlagStateChanger changer;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final CommitHooks hooks;
    private final Lookup lookup;

    public FlagService(FlagRepository flags, FlagStateRepository states, EnvironmentRepository environments,
                       FlagStateFactory stateFactory, FlagStateChanger changer, AuditTrail audit, Outbox outbox,
                       CommitHooks hooks, Lookup lookup) {
        this.flags = flags;
        this.states = states;
        this.environments = environments;
        this.stateFactory = stateFactory;
        this.changer = changer;
        this.audit = audit;
        this.outbox = outbox;
        this.hooks = hooks;
        this.lookup = lookup;
    }

    /** A flag with its state in each environment of its project. */
    public record FlagDetail(Flag flag, List<FlagStateDocument> states) {
    }

    public Uni<FlagDetail> create(String projectKey, FlagDefinition definition, Actor actor) {
        FlagType type = FlagDefinitionRules.checkForCreate(definition);
        Map<String, Object> variants = variantsOrBooleanDefaults(definition.variants(), type);
        String offVariant = definition.offVariant() != null ? definition.offVariant()
                : FlagStateFactory.defaultOffVariant(variants);
        String servedVariant = definition.servedVariant() != null ? definition.servedVariant()
                : FlagStateFactory.defaultServedVariant(variants, offVariant);
        return Panache.withTransaction(() -> lookup.project(projectKey).chain(project ->
                        flags.findByProjectAndKey(project.id, definition.key()).chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(new ConflictException(
                                        "flag '" + definition.key() + "' already exists in project '" + projectKey + "'"));
                            }
                            Flag flag = newFlag(project, definition, type, variants);
                            return flags.persist(flag)
                                    .chain(() -> environments.listByProject(project.id))
                                    .chain(envs -> createStates(project, flag, envs, offVariant, servedVariant, actor))
                                    .map(created -> new FlagDetail(flag, created));
                        })))
                .call(detail -> hooks.projectChanged(projectKey));
    }

    public Uni<FlagDetail> update(String projectKey, String flagKey, FlagDefinition definition, Actor actor,
                                  String reason) {
        return Panache.withTransaction(() -> lookup.project(projectKey).chain(project ->
                        lookup.flag(project, flagKey).chain(flag -> {
                            FlagType type = FlagDocuments.type(flag);
                            FlagDefinitionRules.checkForUpdate(definition, type);
                            Map<String, Object> before = definitionView(flag);
                            flag.name = definition.name();
                            flag.description = definition.description();
                            flag.tags = JsonDocuments.write(definition.tags() == null ? List.of() : definition.tags());
                            if (definition.variants() != null && !definition.variants().isEmpty()) {
                                flag.variants = JsonDocuments.write(new LinkedHashMap<>(definition.variants()));
                            }
                            if (definition.clientVisible() != null) {
                                flag.clientVisible = definition.clientVisible();
                            }
                            flag.updatedAt = Instant.now();
                            return audit.record(AuditRecord.of(project.key, null, "flag", flag.key,
                                            "definition-updated", actor, reason, before, definitionView(flag)))
                                    .chain(() -> environments.listByProject(project.id))
                                    .chain(envs -> touchStates(project, flag, envs, actor, reason))
                                    .map(touched -> new FlagDetail(flag, touched));
                        })))
                .call(detail -> hooks.projectChanged(projectKey));
    }

    public Uni<Void> delete(String projectKey, String flagKey, Actor actor, String reason) {
        return Panache.withTransaction(() -> lookup.project(projectKey).chain(project ->
                        lookup.flag(project, flagKey).chain(flag ->
                                audit.record(AuditRecord.of(project.key, null, "flag", flag.key, "deleted", actor,
                                                reason, definitionView(flag), null))
                                        .chain(() -> outbox.enqueue(RoutingKeys.FLAG_DELETED, MessageTypes.FLAG_DELETED,
                                                new FlagDeleted(project.key, flag.key, actor, reason)))
                                        .chain(() -> flags.delete(flag)))))
                .call(() -> hooks.projectChanged(projectKey));
    }

    public Uni<FlagDetail> get(String projectKey, String flagKey) {
        return Panache.withSession(() -> lookup.project(projectKey).chain(project ->
                lookup.flag(project, flagKey).chain(flag -> detail(project, flag))));
    }

    /** Every flag of a project, optionally only those carrying a tag. */
    public Uni<List<Flag>> list(String projectKey, String tag) {
        return Panache.withSession(() -> lookup.project(projectKey).chain(project -> flags.listByProject(project.id)))
                .map(all -> tag == null ? all : all.stream().filter(f -> FlagDocuments.tags(f).contains(tag)).toList());
    }

    Uni<FlagDetail> detail(Project project, Flag flag) {
        return environments.listByProject(project.id).chain(envs -> states.listByFlag(flag.id).map(flagStates -> {
            List<FlagStateDocument> documents = new ArrayList<>();
            for (Environment environment : envs) {
                flagStates.stream().filter(s -> s.environmentId.equals(environment.id)).findFirst()
                        .ifPresent(s -> documents.add(FlagDocuments.document(environment, s)));
            }
            return new FlagDetail(flag, documents);
        }));
    }

    private Uni<List<FlagStateDocument>> createStates(Project project, Flag flag, List<Environment> envs,
                                                      String offVariant, String servedVariant, Actor actor) {
        Uni<List<FlagStateDocument>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Environment environment : envs) {
            chain = chain.chain(list -> {
                var state = stateFactory.initialState(flag, environment.id, offVariant, servedVariant);
                FlagStateDocument after = FlagDocuments.document(environment, state);
                list.add(after);
                var event = new FlagChanged(project.key, environment.key, flag.key, state.version, "created", actor,
                        null, null, JsonDocuments.tree(after));
                return states.persist(state)
                        .chain(() -> outbox.enqueue(RoutingKeys.FLAG_CHANGED, MessageTypes.FLAG_CHANGED, event))
                        .replaceWith(list);
            });
        }
        return chain.call(list -> audit.record(AuditRecord.of(project.key, null, "flag", flag.key, "created", actor,
                null, null, definitionView(flag))));
    }

    /** A definition change alters what every environment evaluates to, so every state gets a new version. */
    private Uni<List<FlagStateDocument>> touchStates(Project project, Flag flag, List<Environment> envs, Actor actor,
                                                     String reason) {
        Uni<List<FlagStateDocument>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Environment environment : envs) {
            StateChange change = new StateChange("definition-updated", actor, reason, null, null, false, s -> {
            });
            chain = chain.chain(list -> changer.apply(project, flag, environment, change).map(after -> {
                list.add(after);
                return list;
            }));
        }
        return chain;
    }

    private static Flag newFlag(Project project, FlagDefinition definition, FlagType type, Map<String, Object> variants) {
        Flag flag = new Flag();
        flag.id = UUID.randomUUID();
        flag.projectId = project.id;
        flag.key = definition.key();
        flag.name = definition.name();
        flag.description = definition.description();
        flag.tags = JsonDocuments.write(definition.tags() == null ? List.of() : definition.tags());
        flag.type = type.name().toLowerCase(Locale.ROOT);
        flag.variants = JsonDocuments.write(variants);
        flag.clientVisible = Boolean.TRUE.equals(definition.clientVisible());
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        flag.salt = HexFormat.of().formatHex(salt);
        flag.createdAt = Instant.now();
        flag.updatedAt = flag.createdAt;
        return flag;
    }

    private static Map<String, Object> variantsOrBooleanDefaults(Map<String, Object> variants, FlagType type) {
        if ((variants == null || variants.isEmpty()) && type == FlagType.BOOLEAN) {
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("on", true);
            defaults.put("off", false);
            return defaults;
        }
        return new LinkedHashMap<>(variants);
    }

    private static Map<String, Object> definitionView(Flag flag) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", flag.key);
        view.put("name", flag.name);
        view.put("description", flag.description);
        view.put("tags", FlagDocuments.tags(flag));
        view.put("type", flag.type);
        view.put("variants", FlagDocuments.variants(flag));
        view.put("clientVisible", flag.clientVisible);
        return view;
    }
}
