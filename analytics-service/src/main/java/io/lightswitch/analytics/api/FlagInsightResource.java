package io.lightswitch.analytics.api;

import io.lightswitch.analytics.query.AdoptionReader;
import io.lightswitch.analytics.query.AdoptionView;
import io.lightswitch.analytics.query.EngagementReader;
import io.lightswitch.analytics.query.EngagementView;
import io.lightswitch.analytics.query.ErrorGroupView;
import io.lightswitch.analytics.query.ErrorReader;
import io.lightswitch.analytics.query.ImpactReader;
import io.lightswitch.analytics.query.ImpactView;
import io.lightswitch.analytics.query.Parameters;
import io.lightswitch.analytics.query.Scope;
import io.lightswitch.analytics.query.SeriesGrid;
import io.lightswitch.analytics.query.TimeWindow;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.ENVIRONMENT + "/flags/{flag}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flag insights", description = "What a flag's variants did: impact, adoption, engagement, errors")
@SecurityRequirement(name = "SecurityScheme")
public class FlagInsightResource {

    private static final double DEFAULT_APDEX_MS = 500;
    private static final double MAX_APDEX_MS = 600_000;
    private static final int DEFAULT_ERRORS = 10;
    private static final int MAX_ERRORS = 100;

    private final ImpactReader impact;
    private final AdoptionReader adoption;
    private final EngagementReader engagement;
    private final ErrorReader errors;

    public FlagInsightResource(ImpactReader impact, AdoptionReader adoption, EngagementReader engagement,
                               ErrorReader errors) {
        this.impact = impact;
        this.adoption = adoption;
        this.engagement = engagement;
        this.errors = errors;
    }

    @GET
    @Path("/impact")
    @Operation(summary = "Impact of a flag per variant: series, changes and verdicts",
            description = "Per variant and step: requests, errors, error rate, latency p50/p95/p99 (merged sketches)"
                    + " and geometric mean, users, JS error rate, LCP/INP/CLS geometric means, exposures; the total"
                    + " over all points; the flag's changes and verdict changes in the range as annotations; the"
                    + " current verdicts, best ranked first, with their evidence. 400 names a bad window or step.")
    public Uni<ImpactView> impact(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "flag key") @PathParam("flag") String flag,
            @Parameter(description = ApiPaths.WINDOW_DESCRIPTION + "; defaults to 24h") @QueryParam("window") String window,
            @Parameter(description = ApiPaths.FROM_DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = ApiPaths.TO_DESCRIPTION) @QueryParam("to") String to,
            @Parameter(description = ApiPaths.STEP_DESCRIPTION) @QueryParam("step") String step) {
        TimeWindow range = TimeWindow.of(window, from, to, Instant.now(), ApiPaths.DEFAULT_WINDOW);
        return impact.impact(new Scope(project, environment), flag, SeriesGrid.of(range, step));
    }

    @GET
    @Path("/adoption")
    @Operation(summary = "Distinct users per variant, per step and over the whole window",
            description = "Answers \"how many users had dark-mode=on in the last 24 h\": the union of every user"
                    + " sketch of the flag (exposures from flag-service, spans and beacons that carried the flag),"
                    + " so a user seen by several services counts once. The whole-window figures cover the window"
                    + " exactly (to 10 s); the points start at a step boundary.")
    public Uni<AdoptionView> adoption(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "flag key") @PathParam("flag") String flag,
            @Parameter(description = ApiPaths.WINDOW_DESCRIPTION + "; defaults to 24h") @QueryParam("window") String window,
            @Parameter(description = ApiPaths.FROM_DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = ApiPaths.TO_DESCRIPTION) @QueryParam("to") String to,
            @Parameter(description = ApiPaths.STEP_DESCRIPTION) @QueryParam("step") String step) {
        TimeWindow range = TimeWindow.of(window, from, to, Instant.now(), ApiPaths.DEFAULT_WINDOW);
        return adoption.adoption(new Scope(project, environment), flag, range, SeriesGrid.of(range, step));
    }

    @GET
    @Path("/engagement")
    @Operation(summary = "Engagement per variant: sessions, actions, session length, errors, Apdex",
            description = "From the sessions that saw the flag and were last seen in the window: sessions, users,"
                    + " actions and page loads per session, mean session length, share of sessions with errors."
                    + " Apdex from the variant's merged request-latency sketch over the window: (samples <= T +"
                    + " samples in (T, 4T] / 2) / samples.")
    public Uni<EngagementView> engagement(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "flag key") @PathParam("flag") String flag,
            @Parameter(description = ApiPaths.WINDOW_DESCRIPTION + "; defaults to 24h") @QueryParam("window") String window,
            @Parameter(description = ApiPaths.FROM_DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = ApiPaths.TO_DESCRIPTION) @QueryParam("to") String to,
            @Parameter(description = "Apdex threshold T in milliseconds; default 500") @QueryParam("apdexMs") String apdexMs) {
        TimeWindow range = TimeWindow.of(window, from, to, Instant.now(), ApiPaths.DEFAULT_WINDOW);
        double threshold = Parameters.positive("apdexMs", apdexMs, DEFAULT_APDEX_MS, MAX_APDEX_MS);
        return engagement.engagement(new Scope(project, environment), flag, range, threshold);
    }

    @GET
    @Path("/errors")
    @Operation(summary = "Top errors per variant of a flag",
            description = "Error groups (type, normalised message, top frame) seen within the window, per variant,"
                    + " most frequent first, with distinct users affected, first and last seen and a sample stack.")
    public Uni<ErrorGroupView.TopErrors> errors(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "flag key") @PathParam("flag") String flag,
            @Parameter(description = ApiPaths.WINDOW_DESCRIPTION + "; defaults to 24h") @QueryParam("window") String window,
            @Parameter(description = ApiPaths.FROM_DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = ApiPaths.TO_DESCRIPTION) @QueryParam("to") String to,
            @Parameter(description = "groups per variant, 1 to 100; default 10") @QueryParam("limit") String limit) {
        TimeWindow range = TimeWindow.of(window, from, to, Instant.now(), ApiPaths.DEFAULT_WINDOW);
        return errors.top(new Scope(project, environment), flag, range,
                Parameters.limit(limit, DEFAULT_ERRORS, MAX_ERRORS));
    }
}
