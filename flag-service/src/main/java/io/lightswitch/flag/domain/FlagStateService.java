package io.lightswitch.flag.domain;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.FlagStateChanger.StateChange;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.WeightedVariant;
import io.lightswitch.flag.persistence.FlagStateRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A flag's state in one environment: read it, replace it, flip the kill switch, change the rollout. */
@ApplicationScoped
public class FlagStateService {

    private final FlagStateRepository states;
    private final FlagStateChanger changer;
    private final CommitHooks hooks;
    private final Lookup lookup;

    public FlagStateService(FlagStateRepository states, FlagStateChanger changer, CommitHooks hooks, Lookup lookup) {
        this.states = states;
        this.changer = changer;
        this.hooks = hooks;
        this.lookup = lookup;
    }

    public Uni<FlagStateDocument> get(String projectKey, String flagKey, String environmentKey) {
        return Panache.withSession(() -> lookup.project(projectKey).chain(project ->
                lookup.flag(project, flagKey).chain(flag ->
                        lookup.environment(project, environmentKey).chain(environment ->
                                states.find(flag.id, environment.id)
                                        .onItem().ifNull().failWith(() -> new NotFoundException("flag state",
                                                projectKey + "/" + flagKey + "/" + environmentKey))
                                        .map(state -> FlagDocuments.document(environment, state))))));
    }

    public Uni<FlagStateDocument> replace(String projectKey, String flagKey, String environmentKey, StateUpdate update,
                                          Long expectedVersion, Actor actor, String reason) {
        StateChange change = new StateChange("updated", actor, reason, null, expectedVersion, true, state -> {
            if (update.enabled() != null) {
                state.enabled = update.enabled();
            }
            if (update.offVariant() != null) {
                state.offVariant = update.offVariant();
            }
            if (update.rules() != null) {
                state.rules = JsonDocuments.write(update.rules());
            }
            if (update.defaultServe() != null) {
                state.defaultServe = JsonDocuments.write(update.defaultServe());
            }
            if (update.overrides() != null) {
                state.overrides = JsonDocuments.write(update.overrides());
            }
        });
        return change(projectKey, flagKey, environmentKey, change);
    }

    /** The kill switch. */
    public Uni<FlagStateDocument> setEnabled(String projectKey, String flagKey, String environmentKey, boolean enabled,
                                             Actor actor, String reason, Object evidence) {
        StateChange change = new StateChange(enabled ? "enabled" : "disabled", actor, reason, evidence, null, true,
                state -> state.enabled = enabled);
        return change(projectKey, flagKey, environmentKey, change);
    }

    /** Replaces the default serve with a split (percentages adding up to 100). */
    public Uni<FlagStateDocument> setRollout(String projectKey, String flagKey, String environmentKey,
                                             List<WeightedVariant> split, Actor actor, String reason, Object evidence) {
        if (split == null || split.isEmpty()) {
            throw ValidationException.of("split", "is required: a list of {variant, weight} adding up to 100");
        }
        StateChange change = new StateChange("rollout", actor, reason, evidence, null, true,
                state -> state.defaultServe = JsonDocuments.write(Serve.split(split)));
        return change(projectKey, flagKey, environmentKey, change);
    }

    /** Applies a change inside the caller's transaction; the caller runs the commit hooks. */
    public Uni<FlagStateDocument> applyInTransaction(String projectKey, String flagKey, String environmentKey,
                                                     StateChange change) {
        return lookup.project(projectKey).chain(project ->
                lookup.flag(project, flagKey).chain(flag ->
                        lookup.environment(project, environmentKey).chain(environment ->
                                changer.apply(project, flag, environment, change))));
    }

    private Uni<FlagStateDocument> change(String projectKey, String flagKey, String environmentKey, StateChange change) {
        return Panache.withTransaction(() -> applyInTransaction(projectKey, flagKey, environmentKey, change))
                .call(after -> hooks.environmentChanged(projectKey, environmentKey));
    }
}
