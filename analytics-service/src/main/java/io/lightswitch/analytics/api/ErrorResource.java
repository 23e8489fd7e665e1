package io.lightswitch.analytics.api;

import io.lightswitch.analytics.query.ErrorGroupView;
import io.lightswitch.analytics.query.ErrorReader;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.ENVIRONMENT + "/errors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Errors", description = "Errors grouped by fingerprint")
@SecurityRequirement(name = "SecurityScheme")
public class ErrorResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final ErrorReader errors;

    public ErrorResource(ErrorReader errors) {
        this.errors = errors;
    }

    @GET
    @Operation(summary = "Top errors of all traffic",
            description = "Error groups of the environment seen within the window, most frequent first (one"
                    + " variant, ''); per flag variant at /flags/{flag}/errors. 400 names a bad parameter.")
    public Uni<ErrorGroupView.TopErrors> top(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = ApiPaths.WINDOW_DESCRIPTION + "; defaults to 24h") @QueryParam("window") String window,
            @Parameter(description = ApiPaths.FROM_DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = ApiPaths.TO_DESCRIPTION) @QueryParam("to") String to,
            @Parameter(description = "groups, 1 to 100; default 20") @QueryParam("limit") String limit) {
        TimeWindow range = TimeWindow.of(window, from, to, Instant.now(), ApiPaths.DEFAULT_WINDOW);
        return errors.top(new Scope(project, environment), null, range,
                Parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
