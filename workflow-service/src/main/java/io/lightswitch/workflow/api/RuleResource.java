package io.lightswitch.workflow.api;

import io.lightswitch.workflow.api.RuleViews.RuleRequest;
import io.lightswitch.workflow.api.RuleViews.RuleView;
import io.lightswitch.workflow.domain.RuleService;
import io.lightswitch.workflow.domain.rule.Trigger;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/projects/{project}/environments/{environment}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "Workflow rules of an environment; the default guard rule is one of them")
@SecurityRequirement(name = "SecurityScheme")
public class RuleResource {

    private final RuleService rules;

    public RuleResource(RuleService rules) {
        this.rules = rules;
    }

    @POST
    @Operation(summary = "Create a rule; every problem of it is named in one 400")
    public Uni<RestResponse<RuleView>> create(@PathParam("project") String project,
                                              @PathParam("environment") String environment, RuleRequest body) {
        RuleViews.Draft draft = Bodies.required(body).toDraft(project, environment);
        return rules.create(draft.rule(), draft.keepSecret()).map(stored -> RestResponse.ResponseBuilder
                .<RuleView>created(URI.create(location(project, environment, stored.rule().id())))
                .header(HttpHeaders.ETAG, Bodies.etag(stored.version()))
                .entity(RuleView.of(stored)).build());
    }

    @GET
    @Operation(summary = "List the environment's rules, optionally of one trigger")
    public Uni<List<RuleView>> list(@PathParam("project") String project,
                                    @PathParam("environment") String environment,
                                    @QueryParam("trigger") Trigger trigger) {
        return rules.list(project, environment, trigger).map(all -> all.stream().map(RuleView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a rule; its ETag is its version")
    public Uni<RestResponse<RuleView>> get(@PathParam("project") String project,
                                           @PathParam("environment") String environment,
                                           @PathParam("id") String id) {
        return rules.get(project, environment, id).map(stored -> RestResponse.ResponseBuilder.ok(RuleView.of(stored))
                .header(HttpHeaders.ETAG, Bodies.etag(stored.version())).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a rule; with If-Match or expectedVersion, a 409 if it changed since")
    public Uni<RestResponse<RuleView>> update(@PathParam("project") String project,
                                              @PathParam("environment") String environment,
                                              @PathParam("id") String id, RuleRequest body,
                                              @Parameter(description = "The version read, e.g. \"3\"")
                                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RuleRequest request = Bodies.required(body);
        Long expected = request.expectedVersion() != null ? request.expectedVersion()
                : Bodies.versionFromIfMatch(ifMatch);
        RuleViews.Draft draft = request.toDraft(project, environment);
        return rules.update(id, draft.rule(), draft.keepSecret(), expected)
                .map(stored -> RestResponse.ResponseBuilder.ok(RuleView.of(stored))
                        .header(HttpHeaders.ETAG, Bodies.etag(stored.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a rule; its incidents stay. A deleted default guard is not created again")
    public Uni<RestResponse<Void>> delete(@PathParam("project") String project,
                                          @PathParam("environment") String environment,
                                          @PathParam("id") String id,
                                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return rules.delete(project, environment, id, Bodies.versionFromIfMatch(ifMatch))
                .map(ignored -> RestResponse.noContent());
    }

    private static String location(String project, String environment, String id) {
        return "/api/v1/projects/" + project + "/environments/" + environment + "/rules/" + id;
    }
}
