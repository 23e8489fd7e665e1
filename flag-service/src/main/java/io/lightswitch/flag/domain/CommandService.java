package io.lightswitch.flag.domain;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.contracts.workflow.SetRollout;
import io.lightswitch.flag.domain.FlagStateChanger.StateChange;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.WeightedVariant;
import io.lightswitch.flag.persistence.ProcessedCommand;
import io.lightswitch.flag.persistence.ProcessedCommandRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies workflow commands with the rule as actor, exactly once per command id: the id is recorded
 * in the same transaction as the change, so a redelivered or duplicated command changes nothing.
 * A command that cannot apply (unknown flag, invalid split) is recorded with its outcome, not retried.
 */
@ApplicationScoped
public class CommandService {

    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";

    private final ProcessedCommandRepository processed;
    private final FlagStateService states;
    private final CommitHooks hooks;

    public CommandService(ProcessedCommandRepository processed, FlagStateService states, CommitHooks hooks) {
        this.processed = processed;
        this.states = states;
        this.hooks = hooks;
    }

    public Uni<String> disable(UUID fallbackId, DisableFlag command) {
        UUID id = command.commandId() != null ? command.commandId() : fallbackId;
        Actor actor = new Actor(Actor.RULE, command.ruleId(), command.ruleName());
        StateChange change = new StateChange("disabled", actor, command.reason(), command.evidence(), null, true,
                state -> state.enabled = false);
        return once(id, "DisableFlag", command.project(), command.environment(), command.flagKey(), change);
    }

    public Uni<String> setRollout(UUID fallbackId, SetRollout command) {
        UUID id = command.commandId() != null ? command.commandId() : fallbackId;
        Actor actor = new Actor(Actor.RULE, command.ruleId(), command.ruleName());
        List<WeightedVariant> split = command.split() == null ? List.of()
                : command.split().stream().map(s -> new WeightedVariant(s.variant(), s.weight())).toList();
        StateChange change = new StateChange("rollout", actor, command.reason(), command.evidence(), null, true,
                state -> state.defaultServe = JsonDocuments.write(Serve.split(split)));
        return once(id, "SetRollout", command.project(), command.environment(), command.flagKey(), change);
    }

    private Uni<String> once(UUID commandId, String type, String project, String environment, String flagKey,
                             StateChange change) {
        return Panache.withTransaction(() -> processed.findById(commandId).chain(previous -> {
                    if (previous != null) {
                        return Uni.createFrom().item(DUPLICATE);
                    }
                    return states.applyInTransaction(project, flagKey, environment, change)
                            .map(after -> APPLIED)
                            .onFailure(e -> e instanceof NotFoundException || e instanceof ValidationException)
                            .recoverWithItem(e -> "rejected: " + e.getMessage())
                            .call(outcome -> processed.persist(processedCommand(commandId, type, outcome)));
                }))
                .call(outcome -> APPLIED.equals(outcome) ? hooks.environmentChanged(project, environment)
                        : Uni.createFrom().voidItem());
    }

    private static ProcessedCommand processedCommand(UUID id, String type, String outcome) {
        ProcessedCommand command = new ProcessedCommand();
        command.commandId = id;
        command.type = type;
        command.outcome = outcome;
        command.processedAt = Instant.now();
        return command;
    }
}
