package io.lightswitch.workflow.api;

import io.lightswitch.workflow.api.IncidentViews.ExecutionView;
import io.lightswitch.workflow.api.IncidentViews.IncidentView;
import io.lightswitch.workflow.domain.IncidentService;
import io.lightswitch.workflow.domain.NotFoundException;
import io.lightswitch.workflow.domain.execution.ActionTypes;
import io.lightswitch.workflow.persistence.ExecutionRow;
import io.lightswitch.workflow.persistence.ExecutionStore;
import io.lightswitch.workflow.persistence.IncidentRow;
import io.lightswitch.workflow.persistence.IncidentStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{project}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "What rules did: incidents with their evidence, and every action's execution")
@SecurityRequirement(name = "SecurityScheme")
public class IncidentResource {

    private static final Set<String> STATUSES = Set.of(IncidentRow.OPEN, IncidentRow.CLOSED);
    private static final Set<String> TRIGGERS = Set.of("VERDICT", "FLAG_CHANGE");
    private static final Set<String> TYPES = Set.of(ActionTypes.DISABLE_FLAG, ActionTypes.SET_ROLLOUT,
            ActionTypes.CALL_WEBHOOK);
    private static final Set<String> EXECUTION_STATUSES = Set.of(ExecutionRow.DRY_RUN, ExecutionRow.QUEUED,
            ExecutionRow.PUBLISHED, ExecutionRow.CONFIRMED, ExecutionRow.PENDING, ExecutionRow.DELIVERED,
            ExecutionRow.FAILED);

    private final IncidentService incidents;

    public IncidentResource(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GET
    @Path("/incidents")
    @Operation(summary = "List incidents, newest first")
    public Uni<List<IncidentView>> list(
            @PathParam("project") String project,
            @QueryParam("environment") String environment,
            @QueryParam("flag") String flag,
            @QueryParam("rule") String rule,
            @Parameter(description = "open or closed") @QueryParam("status") String status,
            @Parameter(description = "VERDICT or FLAG_CHANGE") @QueryParam("trigger") String trigger,
            @Parameter(description = "opened at or after, ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "opened before, ISO-8601") @QueryParam("to") String to,
            @Parameter(description = "1 to 500, default 100") @QueryParam("limit") Integer limit) {
        IncidentStore.Filter filter = new IncidentStore.Filter(project, blank(environment), blank(flag), blank(rule),
                Bodies.oneOf("status", status, STATUSES), Bodies.oneOf("trigger", trigger, TRIGGERS),
                Bodies.instant("from", from), Bodies.instant("to", to), Bodies.limit(limit));
        return incidents.list(filter).map(rows -> rows.stream().map(row -> IncidentView.of(row, null)).toList());
    }

    @GET
    @Path("/incidents/{id}")
    @Operation(summary = "Get an incident with its evidence and the execution of each of its actions")
    public Uni<IncidentView> get(@PathParam("project") String project, @PathParam("id") String id) {
        return incidents.get(project, uuid("incident", id))
                .map(detail -> IncidentView.of(detail.incident(), detail.executions()));
    }

    @GET
    @Path("/executions")
    @Operation(summary = "List action executions across incidents, newest first")
    public Uni<List<ExecutionView>> executions(
            @PathParam("project") String project,
            @QueryParam("environment") String environment,
            @QueryParam("flag") String flag,
            @QueryParam("rule") String rule,
            @Parameter(description = "DisableFlag, SetRollout or CallWebhook") @QueryParam("type") String type,
            @Parameter(description = "dry_run, queued, published, confirmed, pending, delivered or failed")
            @QueryParam("status") String status,
            @Parameter(description = "recorded at or after, ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "recorded before, ISO-8601") @QueryParam("to") String to,
            @Parameter(description = "1 to 500, default 100") @QueryParam("limit") Integer limit) {
        ExecutionStore.Filter filter = new ExecutionStore.Filter(project, blank(environment), blank(flag),
                blank(rule), Bodies.oneOf("type", type, TYPES), Bodies.oneOf("status", status, EXECUTION_STATUSES),
                Bodies.instant("from", from), Bodies.instant("to", to), Bodies.limit(limit));
        return incidents.executions(filter).map(rows -> rows.stream().map(ExecutionView::of).toList());
    }

    private static UUID uuid(String kind, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(kind, id);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
