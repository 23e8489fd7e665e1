package io.lightswitch.flag.domain.schedule;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.CommitHooks;
import io.lightswitch.flag.domain.FlagStateChanger.StateChange;
import io.lightswitch.flag.domain.FlagStateService;
import io.lightswitch.flag.domain.NotFoundException;
import io.lightswitch.flag.domain.ValidationException;
import io.lightswitch.flag.persistence.EnvironmentRepository;
import io.lightswitch.flag.persistence.FlagRepository;
import io.lightswitch.flag.persistence.ProjectRepository;
import io.lightswitch.flag.persistence.ScheduledChange;
import io.lightswitch.flag.persistence.ScheduledChangeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies due steps of rollout plans, with the plan as actor. Each pass claims its steps with SKIP LOCKED, so
 * replicas share the work and never apply a step twice. A step the flag can no longer take (its variant was
 * removed, its flag deleted) is marked failed and the rest of the pass goes on.
 */
@ApplicationScoped
public class ScheduleRunner {

    private static final Logger LOG = Logger.getLogger(ScheduleRunner.class);
    private static final int BATCH_SIZE = 20;

    private final ScheduledChangeRepository changes;
    private final ProjectRepository projects;
    private final FlagRepository flags;
    private final EnvironmentRepository environments;
    private final FlagStateService states;
    private final CommitHooks hooks;

    public ScheduleRunner(ScheduledChangeRepository changes, ProjectRepository projects, FlagRepository flags,
                          EnvironmentRepository environments, FlagStateService states, CommitHooks hooks) {
        this.changes = changes;
        this.projects = projects;
        this.flags = flags;
        this.environments = environments;
        this.states = states;
        this.hooks = hooks;
    }

    private record StateKeys(String project, String flag, String environment) {
        EnvironmentKeys environmentKeys() {
            return new EnvironmentKeys(project, environment);
        }
    }

    /** An environment changed in a pass, to refresh after commit. */
    private record EnvironmentKeys(String project, String environment) {
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> applyDueSteps() {
        return Panache.withTransaction(() -> changes.claimDue(Instant.now(), BATCH_SIZE).chain(this::applyInOrder))
                .chain(this::refresh);
    }

    private Uni<Set<EnvironmentKeys>> applyInOrder(List<ScheduledChange> due) {
        Uni<Set<EnvironmentKeys>> chain = Uni.createFrom().item(new LinkedHashSet<>());
        for (ScheduledChange step : due) {
            chain = chain.chain(applied -> apply(step).map(keys -> {
                if (keys != null) {
                    applied.add(keys.environmentKeys());
                }
                return applied;
            }));
        }
        return chain;
    }

    /** @return the keys of the changed state, or null when the step was rejected */
    private Uni<StateKeys> apply(ScheduledChange step) {
        return keys(step)
                .call(keys -> states.applyInTransaction(keys.project(), keys.flag(), keys.environment(), change(step)))
                .invoke(keys -> {
                    step.status = ScheduledChange.APPLIED;
                    step.appliedAt = Instant.now();
                })
                .onFailure(e -> e instanceof ValidationException || e instanceof NotFoundException)
                .recoverWithItem(e -> {
                    LOG.warnf("step %d of rollout plan %s failed: %s", step.step, step.planId, e.getMessage());
                    step.status = ScheduledChange.FAILED;
                    step.outcome = e.getMessage();
                    return null;
                });
    }

    private static StateChange change(ScheduledChange step) {
        Actor actor = new Actor(Actor.SCHEDULE, step.planId.toString(), "rollout plan");
        return new StateChange("schedule-applied", actor, step.reason, null, null, true, state -> {
            state.defaultServe = step.serve;
            if (step.enabled != null) {
                state.enabled = step.enabled;
            }
        });
    }

    private Uni<StateKeys> keys(ScheduledChange step) {
        return flags.findById(step.flagId)
                .onItem().ifNull().failWith(() -> new NotFoundException("flag", step.flagId.toString()))
                .chain(flag -> environments.findById(step.environmentId)
                        .onItem().ifNull().failWith(() -> new NotFoundException("environment",
                                step.environmentId.toString()))
                        .chain(environment -> projects.findById(flag.projectId)
                                .map(project -> new StateKeys(project.key, flag.key, environment.key))));
    }

    private Uni<Void> refresh(Set<EnvironmentKeys> changed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EnvironmentKeys keys : changed) {
            chain = chain.chain(() -> hooks.environmentChanged(keys.project(), keys.environment()));
        }
        return chain;
    }
}
