package io.lightswitch.analytics.api;

import io.lightswitch.analytics.query.ChangeReader;
import io.lightswitch.analytics.query.ChangeView;
import io.lightswitch.analytics.query.Parameters;
import io.lightswitch.analytics.query.Scope;
import io.lightswitch.analytics.query.TimeWindow;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.ENVIRONMENT + "/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flag changes", description = "Every flag change analytics has seen")
@SecurityRequirement(name = "SecurityScheme")
public class ChangeResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final ChangeReader changes;

    public ChangeResource(ChangeReader changes) {
        this.changes = changes;
    }

    @GET
    @Operation(summary = "The flag change timeline, newest first",
            description = "Changes from flag-service and from provider webhooks: who, what, why, the version, and"
                    + " the flag's state before and after. Includes project-wide changes (environment null)."
                    + " 400 names a bad parameter.")
    public Uni<List<ChangeView>> changes(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "only this flag") @QueryParam("flag") String flag,
            @Parameter(description = ApiPaths.FROM_DESCRIPTION + "; all time when absent") @QueryParam("from") String from,
            @Parameter(description = ApiPaths.TO_DESCRIPTION) @QueryParam("to") String to,
            @Parameter(description = ApiPaths.WINDOW_DESCRIPTION) @QueryParam("window") String window,
            @Parameter(description = "changes, 1 to 500; default 100") @QueryParam("limit") String limit) {
        return changes.changes(new Scope(project, environment), Parameters.optional(flag),
                TimeWindow.optional(window, from, to, Instant.now()), Parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
