package io.lightswitch.flag.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.AuditService;
import io.lightswitch.flag.domain.JsonDocuments;
import io.lightswitch.flag.domain.ValidationException;
import io.lightswitch.flag.persistence.AuditEntry;
import io.lightswitch.flag.persistence.AuditQuery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{project}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@SecurityRequirement(name = "SecurityScheme")
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    public record AuditEntryView(UUID id, String environment, String entityType, String entityKey, String action,
                                 Actor actor, String reason, JsonNode before, JsonNode after, JsonNode evidence,
                                 Instant occurredAt) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.id, entry.environmentKey, entry.entityType, entry.entityKey, entry.action,
                    new Actor(entry.actorKind, entry.actorId, entry.actorName), entry.reason, tree(entry.beforeState),
                    tree(entry.afterState), tree(entry.evidence), entry.occurredAt);
        }

        private static JsonNode tree(String json) {
            return json == null ? null : JsonDocuments.read(json, JsonNode.class);
        }
    }

    @GET
    @Operation(summary = "Who changed what and when, newest first; filter by flag (or segment) key, entity type, "
            + "environment, actor (token id or name, rule id) and time range [from, to)")
    public Uni<List<AuditEntryView>> search(@PathParam("project") String project,
                                            @QueryParam("flag") String flag,
                                            @QueryParam("entityType") String entityType,
                                            @QueryParam("environment") String environment,
                                            @QueryParam("actor") String actor,
                                            @QueryParam("from") String from,
                                            @QueryParam("to") String to,
                                            @QueryParam("offset") @DefaultValue("0") int offset,
                                            @QueryParam("limit") @DefaultValue("100") int limit) {
        AuditQuery query = new AuditQuery(project, entityType, flag, environment, actor, instant("from", from),
                instant("to", to), offset, limit);
        return audit.search(query).map(entries -> entries.stream().map(AuditEntryView::of).toList());
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be an ISO-8601 instant such as 2026-11-26T09:00:00Z");
        }
    }
}
