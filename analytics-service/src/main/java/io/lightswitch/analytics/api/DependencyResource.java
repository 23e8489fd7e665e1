package io.lightswitch.analytics.api;

import io.lightswitch.analytics.query.DependencyMap;
import io.lightswitch.analytics.query.DependencyReader;
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

@Path(ApiPaths.ENVIRONMENT + "/dependencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dependencies", description = "The service map drawn from parent and child spans")
@SecurityRequirement(name = "SecurityScheme")
public class DependencyResource {

    private final DependencyReader dependencies;

    public DependencyResource(DependencyReader dependencies) {
        this.dependencies = dependencies;
    }

    @GET
    @Operation(summary = "Service dependency map with error rates per variant",
            description = "Nodes: services with the requests and errors of their entry spans; edges: calls from one"
                    + " service to another with their errors. Per variant of the flag given, else for all traffic"
                    + " (variant ''). 400 names a bad parameter.")
    public Uni<DependencyMap> dependencies(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = ApiPaths.WINDOW_DESCRIPTION + "; defaults to 24h") @QueryParam("window") String window,
            @Parameter(description = ApiPaths.FROM_DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = ApiPaths.TO_DESCRIPTION) @QueryParam("to") String to,
            @Parameter(description = "split the traffic by this flag's variants") @QueryParam("flag") String flag) {
        TimeWindow range = TimeWindow.of(window, from, to, Instant.now(), ApiPaths.DEFAULT_WINDOW);
        return dependencies.map(new Scope(project, environment), Parameters.optional(flag), range);
    }
}
