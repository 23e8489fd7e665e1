package io.lightswitch.flag.api;

import io.lightswitch.flag.api.ScheduleViews.PlanView;
import io.lightswitch.flag.domain.schedule.PlanDraft;
import io.lightswitch.flag.domain.schedule.ScheduleService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/projects/{project}/flags/{flag}/environments/{environment}/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scheduled rollouts")
@SecurityRequirement(name = "SecurityScheme")
public class ScheduleResource {

    private final ScheduleService schedules;

    public ScheduleResource(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @POST
    @Operation(summary = "Plan a progressive rollout",
            description = "Either explicit steps, each setting the default serve (and optionally the kill switch)"
                    + " at an instant: {\"steps\": [{\"at\": \"2026-11-26T10:00:00Z\", \"serve\": {\"split\":"
                    + " [{\"variant\": \"on\", \"weight\": 10}, {\"variant\": \"off\", \"weight\": 90}]},"
                    + " \"enabled\": true}], \"reason\": \"...\"}; or the shorthand {\"rollout\": {\"variant\": \"on\","
                    + " \"percentages\": [10, 50, 100], \"startAt\": \"...\", \"every\": \"PT1H\"}}, one step per"
                    + " percentage, the rest of the users getting the off variant, the first step switching the flag"
                    + " on. At most 20 steps.")
    public Uni<RestResponse<PlanView>> create(@PathParam("project") String project, @PathParam("flag") String flag,
                                              @PathParam("environment") String environment, PlanDraft body,
                                              @Context ContainerRequestContext request) {
        return schedules.create(project, flag, environment, Bodies.required(body), Actors.of(request))
                .map(PlanView::of)
                .map(plan -> Bodies.created("/api/v1/projects/" + project + "/flags/" + flag + "/environments/"
                        + environment + "/schedules/" + plan.planId(), plan));
    }

    @GET
    @Operation(summary = "List the rollout plans of the flag in this environment",
            description = "Plans ordered by their earliest step, each with all its steps whatever their status"
                    + " (pending, applied, cancelled, failed).")
    public Uni<List<PlanView>> list(@PathParam("project") String project, @PathParam("flag") String flag,
                                    @PathParam("environment") String environment) {
        return schedules.list(project, flag, environment).map(PlanView::grouped);
    }

    @GET
    @Path("/{planId}")
    @Operation(summary = "Get one rollout plan with its steps")
    public Uni<PlanView> get(@PathParam("project") String project, @PathParam("flag") String flag,
                             @PathParam("environment") String environment, @PathParam("planId") UUID planId) {
        return schedules.get(project, flag, environment, planId).map(PlanView::of);
    }

    @DELETE
    @Path("/{planId}")
    @Operation(summary = "Cancel the plan's pending steps; applied steps stay applied")
    public Uni<PlanView> cancel(@PathParam("project") String project, @PathParam("flag") String flag,
                                @PathParam("environment") String environment, @PathParam("planId") UUID planId,
                                @HeaderParam(FlagResource.REASON_HEADER) String reason,
                                @Context ContainerRequestContext request) {
        return schedules.cancel(project, flag, environment, planId, Actors.of(request), reason).map(PlanView::of);
    }
}
