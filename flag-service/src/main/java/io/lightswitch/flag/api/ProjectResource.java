package io.lightswitch.flag.api;

import io.lightswitch.flag.api.ProjectViews.CreateEnvironmentRequest;
import io.lightswitch.flag.api.ProjectViews.CreateProjectRequest;
import io.lightswitch.flag.api.ProjectViews.EnvironmentView;
import io.lightswitch.flag.api.ProjectViews.KeyView;
import io.lightswitch.flag.api.ProjectViews.ProjectView;
import io.lightswitch.flag.domain.EnvironmentService;
import io.lightswitch.flag.domain.ProjectService;
import io.lightswitch.flag.domain.ValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects and environments")
@SecurityRequirement(name = "SecurityScheme")
public class ProjectResource {

    private final ProjectService projects;
    private final EnvironmentService environments;

    public ProjectResource(ProjectService projects, EnvironmentService environments) {
        this.projects = projects;
        this.environments = environments;
    }

    @POST
    @Operation(summary = "Create a project, optionally with environments (their keys are shown once)")
    public Uni<RestResponse<ProjectView>> create(CreateProjectRequest body, @Context ContainerRequestContext request) {
        CreateProjectRequest req = Bodies.required(body);
        return projects.create(req.key(), req.name(), req.description(), req.environments(), Actors.of(request))
                .map(created -> Bodies.created(("/api/v1/projects/" + req.key()),
                        ProjectViews.created(created)));
    }

    @GET
    @Operation(summary = "List projects")
    public Uni<List<ProjectView>> list() {
        return projects.list().map(all -> all.stream().map(p -> ProjectView.of(p, List.of())).toList());
    }

    @GET
    @Path("/{project}")
    @Operation(summary = "Get a project with its environments")
    public Uni<ProjectView> get(@PathParam("project") String project) {
        return projects.get(project).map(detail -> ProjectView.of(detail.project(),
                detail.environments().stream().map(EnvironmentView::of).toList()));
    }

    @POST
    @Path("/{project}/environments")
    @Operation(summary = "Create an environment with server, client and ingest keys (shown once)")
    public Uni<RestResponse<EnvironmentView>> createEnvironment(@PathParam("project") String project,
                                                                CreateEnvironmentRequest body,
                                                                @Context ContainerRequestContext request) {
        CreateEnvironmentRequest req = Bodies.required(body);
        return environments.create(project, req.key(), req.name(), Actors.of(request))
                .map(created -> Bodies.created(
                        ("/api/v1/projects/" + project + "/environments/" + req.key()),
                        EnvironmentView.of(created)));
    }

    @GET
    @Path("/{project}/environments")
    @Operation(summary = "List a project's environments")
    public Uni<List<EnvironmentView>> listEnvironments(@PathParam("project") String project) {
        return environments.list(project).map(all -> all.stream().map(EnvironmentView::of).toList());
    }

    @GET
    @Path("/{project}/environments/{environment}")
    @Operation(summary = "Get an environment with the prefixes of its active keys")
    public Uni<EnvironmentView> getEnvironment(@PathParam("project") String project,
                                               @PathParam("environment") String environment) {
        return environments.get(project, environment).map(EnvironmentView::of);
    }

    @POST
    @Path("/{project}/environments/{environment}/keys/{kind}/rotate")
    @Operation(summary = "Issue a new server, client or ingest key and revoke the old one (the new secret is shown once)")
    public Uni<RestResponse<KeyView>> rotateKey(@PathParam("project") String project,
                                                @PathParam("environment") String environment,
                                                @PathParam("kind") String kind,
                                                @Context ContainerRequestContext request) {
        if (kind == null) {
            throw ValidationException.of("kind", "is required");
        }
        return environments.rotateKey(project, environment, kind, Actors.of(request))
                .map(issued -> RestResponse.status(RestResponse.Status.CREATED, KeyView.of(issued)));
    }
}
