package io.lightswitch.flag.domain;

import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.flag.domain.AuditTrail.AuditRecord;
import io.lightswitch.flag.domain.evaluation.FlagCompiler;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.messaging.Outbox;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagState;
import io.lightswitch.flag.persistence.FlagStateRepository;
import io.lightswitch.flag.persistence.Project;
import io.lightswitch.flag.persistence.SegmentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way a flag's state in an environment changes, whoever asks (a person, a schedule, a rule):
 * lock the row, check the expected version, apply, validate by compiling, bump the version, and record
 * the audit entry and the FlagChanged event in the same transaction.
 */
@ApplicationScoped
public class FlagStateChanger {

    private final FlagStateRepository states;
    private final SegmentRepository segments;
    private final AuditTrail audit;
    private final Outbox outbox;

    public FlagStateChanger(FlagStateRepository states, SegmentRepository segments, AuditTrail audit, Outbox outbox) {
        this.states = states;
        this.segments = segments;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * @param change     what happened, for events and audit: updated, enabled, disabled, rollout, ...
     * @param expected   the version the caller based its change on, or null to skip the check
     * @param audited    false when the caller writes one audit entry for a change spanning environments
     */
    public record StateChange(String change, Actor actor, String reason, Object evidence, Long expected,
                              boolean audited, Consumer<FlagState> mutation) {

        public static StateChange of(String change, Actor actor, String reason, Consumer<FlagState> mutation) {
            return new StateChange(change, actor, reason, null, null, true, mutation);
        }
    }

    public Uni<FlagStateDocument> apply(Project project, Flag flag, Environment environment, StateChange change) {
        return states.findForUpdate(flag.id, environment.id)
                .onItem().ifNull().failWith(() -> new NotFoundException("flag state",
                        project.key + "/" + flag.key + "/" + environment.key))
                .chain(state -> segments.listByProjectForShare(project.id).chain(projectSegments -> {
                    FlagStateDocument before = FlagDocuments.document(environment, state);
                    if (change.expected() != null && change.expected() != state.version) {
                        return Uni.createFrom().failure(new ConflictException("flag state is at version "
                                + state.version + ", not " + change.expected() + "; reload and retry"));
                    }
                    FlagState proposed = copy(state);
                    change.mutation().accept(proposed);
                    validate(flag, proposed, projectSegments.stream().map(FlagDocuments::segmentDefinition).toList());
                    adopt(state, proposed);
                    state.version = state.version + 1;
                    state.updatedAt = Instant.now();
                    FlagStateDocument after = FlagDocuments.document(environment, state);
                    return record(project, flag, environment, change, before, after).replaceWith(after);
                }));
    }

    private Uni<Void> record(Project project, Flag flag, Environment environment, StateChange change,
                             FlagStateDocument before, FlagStateDocument after) {
        var event = new FlagChanged(project.key, environment.key, flag.key, after.version(), change.change(),
                change.actor(), change.reason(), JsonDocuments.tree(before), JsonDocuments.tree(after));
        Uni<Void> audited = change.audited()
                ? audit.record(new AuditRecord(project.key, environment.key, "flag", flag.key, change.change(),
                        change.actor(), change.reason(), before, after, change.evidence()))
                : Uni.createFrom().voidItem();
        return audited.chain(() -> outbox.enqueue(RoutingKeys.FLAG_CHANGED, MessageTypes.FLAG_CHANGED, event));
    }

    /** Changes are tried on a detached copy so that a rejected change never reaches the managed row. */
    private static FlagState copy(FlagState state) {
        FlagState copy = new FlagState();
        copy.flagId = state.flagId;
        copy.environmentId = state.environmentId;
        adopt(copy, state);
        copy.version = state.version;
        return copy;
    }

    private static void adopt(FlagState target, FlagState source) {
        target.enabled = source.enabled;
        target.offVariant = source.offVariant;
        target.rules = source.rules;
        target.defaultServe = source.defaultServe;
        target.overrides = source.overrides;
    }

    private static void validate(Flag flag, FlagState state, List<SegmentDefinition> projectSegments) {
        Map<String, SegmentDefinition> byKey = projectSegments.stream()
                .collect(Collectors.toMap(SegmentDefinition::key, Function.identity()));
        List<FieldError> errors = FlagCompiler.validate(FlagDocuments.config(flag, state), byKey);
        KeyRules.throwIfAny(errors);
    }
}
