package io.lightswitch.flag.domain;

import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.SegmentChanged;
import io.lightswitch.flag.domain.AuditTrail.AuditRecord;
import io.lightswitch.flag.domain.evaluation.FlagCompiler;
import io.lightswitch.flag.domain.model.Condition;
import io.lightswitch.flag.domain.model.Match;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.messaging.Outbox;
import io.lightswitch.flag.persistence.FlagRepository;
import io.lightswitch.flag.persistence.FlagState;
import io.lightswitch.flag.persistence.FlagStateRepository;
import io.lightswitch.flag.persistence.Project;
import io.lightswitch.flag.persistence.Segment;
import io.lightswitch.flag.persistence.SegmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Segments: named sets of conditions that rules of any flag in the project reuse. A change alters how
 * those flags evaluate, so every change reloads the project's snapshot after commit.
 */
@ApplicationScoped
public class SegmentService {

    private final SegmentRepository segments;
    private final FlagStateRepository states;
    private final FlagRepository flags;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final CommitHooks hooks;
    private final Lookup lookup;

    public SegmentService(SegmentRepository segments, FlagStateRepository states, FlagRepository flags,
                          AuditTrail audit, Outbox outbox, CommitHooks hooks, Lookup lookup) {
        this.segments = segments;
        this.states = states;
        this.flags = flags;
        this.audit = audit;
        this.outbox = outbox;
        this.hooks = hooks;
        this.lookup = lookup;
    }

    /** What a segment says, as written by the API; the key is fixed once created. */
    public record SegmentContent(String name, String description, Match match, List<Condition> conditions) {
    }

    public Uni<Segment> create(String projectKey, String key, SegmentContent content, Actor actor, String reason) {
        check(key, content);
        return Panache.withTransaction(() -> lookup.project(projectKey).chain(project ->
                        segments.findByProjectAndKey(project.id, key).chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(new ConflictException(
                                        "segment '" + key + "' already exists in project '" + projectKey + "'"));
                            }
                            Segment segment = new Segment();
                            segment.id = UUID.randomUUID();
                            segment.projectId = project.id;
                            segment.key = key;
                            segment.createdAt = Instant.now();
                            write(segment, content);
                            return segments.persist(segment)
                                    .chain(() -> record(project, segment.key, "created", actor, reason, null,
                                            view(segment)))
                                    .replaceWith(segment);
                        })))
                .call(segment -> hooks.projectChanged(projectKey));
    }

    public Uni<Segment> update(String projectKey, String key, SegmentContent content, Actor actor, String reason) {
        check(key, content);
        return Panache.withTransaction(() -> lookup.project(projectKey).chain(project ->
                        lookup.segment(project, key).chain(segment -> {
                            Map<String, Object> before = view(segment);
                            write(segment, content);
                            return record(project, segment.key, "updated", actor, reason, before, view(segment))
                                    .replaceWith(segment);
                        })))
                .call(segment -> hooks.projectChanged(projectKey));
    }

    /** Refused while a rule of any flag still uses the segment: that flag could no longer be compiled. */
    public Uni<Void> delete(String projectKey, String key, Actor actor, String reason) {
        return Panache.withTransaction(() -> lookup.project(projectKey).chain(project ->
                        segments.findByProjectAndKeyForUpdate(project.id, key)
                                .onItem().ifNull().failWith(() -> new NotFoundException("segment", projectKey + "/" + key))
                                .chain(segment -> flagsUsing(project, key).chain(users -> {
                            if (!users.isEmpty()) {
                                return Uni.createFrom().failure(new ConflictException("segment '" + key
                                        + "' is still used by rules of " + String.join(", ", users)
                                        + "; remove it from those rules first"));
                            }
                            return record(project, key, "deleted", actor, reason, view(segment), null)
                                    .chain(() -> segments.delete(segment));
                        }))))
                .call(() -> hooks.projectChanged(projectKey));
    }

    public Uni<Segment> get(String projectKey, String key) {
        return Panache.withSession(() -> lookup.project(projectKey).chain(project -> lookup.segment(project, key)));
    }

    public Uni<List<Segment>> list(String projectKey) {
        return Panache.withSession(() -> lookup.project(projectKey).chain(project -> segments.listByProject(project.id)));
    }

    /** The keys of flags whose rules reference the segment, in some environment. */
    private Uni<List<String>> flagsUsing(Project project, String segmentKey) {
        return states.listMentioningSegment(project.id, segmentKey).chain(candidates -> {
            // the text match is only a pre-filter: '_' in a key is a LIKE wildcard
            Set<UUID> flagIds = candidates.stream().filter(state -> references(state, segmentKey))
                    .map(state -> state.flagId).collect(Collectors.toSet());
            if (flagIds.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return flags.listByProject(project.id).map(all -> all.stream()
                    .filter(flag -> flagIds.contains(flag.id)).map(flag -> "flag '" + flag.key + "'").toList());
        });
    }

    private static boolean references(FlagState state, String segmentKey) {
        return FlagDocuments.rules(state).stream().anyMatch(rule -> segmentKey.equals(rule.segment()));
    }

    private Uni<Void> record(Project project, String key, String change, Actor actor, String reason,
                             Map<String, Object> before, Map<String, Object> after) {
        return audit.record(AuditRecord.of(project.key, null, "segment", key, change, actor, reason, before, after))
                .chain(() -> outbox.enqueue(RoutingKeys.SEGMENT_CHANGED, MessageTypes.SEGMENT_CHANGED,
                        new SegmentChanged(project.key, key, change, actor)));
    }

    private static void check(String key, SegmentContent content) {
        List<FieldError> errors = new ArrayList<>();
        KeyRules.check("key", key, errors);
        KeyRules.requireText("name", content.name(), 200, errors);
        KeyRules.optionalText("description", content.description(), 2000, errors);
        for (FieldError error : FlagCompiler.validateSegment(definition(key, content))) {
            // the compiler checks the key too; report it once
            if (!errors.contains(error)) {
                errors.add(error);
            }
        }
        KeyRules.throwIfAny(errors);
    }

    private static SegmentDefinition definition(String key, SegmentContent content) {
        return new SegmentDefinition(key, content.match(), content.conditions());
    }

    private static void write(Segment segment, SegmentContent content) {
        SegmentDefinition definition = definition(segment.key, content);
        segment.name = content.name();
        segment.description = content.description();
        segment.match = definition.match().name().toLowerCase(Locale.ROOT);
        segment.conditions = JsonDocuments.write(definition.conditions());
        segment.updatedAt = Instant.now();
    }

    private static Map<String, Object> view(Segment segment) {
        SegmentDefinition definition = FlagDocuments.segmentDefinition(segment);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", segment.key);
        view.put("name", segment.name);
        view.put("description", segment.description);
        view.put("match", segment.match);
        view.put("conditions", definition.conditions());
        return view;
    }
}
