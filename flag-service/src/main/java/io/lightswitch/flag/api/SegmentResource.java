package io.lightswitch.flag.api;

import io.lightswitch.flag.api.SegmentViews.SegmentRequest;
import io.lightswitch.flag.api.SegmentViews.SegmentView;
import io.lightswitch.flag.domain.SegmentService;
import io.lightswitch.flag.domain.ValidationException;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/projects/{project}/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
@SecurityRequirement(name = "SecurityScheme")
public class SegmentResource {

    private final SegmentService segments;

    public SegmentResource(SegmentService segments) {
        this.segments = segments;
    }

    @POST
    @Operation(summary = "Create a segment: conditions that rules of any flag in the project can reference by key")
    public Uni<RestResponse<SegmentView>> create(@PathParam("project") String project, SegmentRequest body,
                                                 @HeaderParam(FlagResource.REASON_HEADER) String reason,
                                                 @Context ContainerRequestContext request) {
        SegmentRequest req = Bodies.required(body);
        return segments.create(project, req.key(), req.content(), Actors.of(request), reason)
                .map(segment -> Bodies.created(("/api/v1/projects/" + project + "/segments/" + segment.key),
                        SegmentView.of(segment)));
    }

    @GET
    @Operation(summary = "List the project's segments")
    public Uni<List<SegmentView>> list(@PathParam("project") String project) {
        return segments.list(project).map(all -> all.stream().map(SegmentView::of).toList());
    }

    @GET
    @Path("/{segment}")
    @Operation(summary = "Get a segment")
    public Uni<SegmentView> get(@PathParam("project") String project, @PathParam("segment") String segment) {
        return segments.get(project, segment).map(SegmentView::of);
    }

    @PUT
    @Path("/{segment}")
    @Operation(summary = "Replace a segment's name, description, match and conditions; flags using it change at once")
    public Uni<SegmentView> update(@PathParam("project") String project, @PathParam("segment") String segment,
                                   SegmentRequest body, @HeaderParam(FlagResource.REASON_HEADER) String reason,
                                   @Context ContainerRequestContext request) {
        SegmentRequest req = Bodies.required(body);
        if (req.key() != null && !req.key().equals(segment)) {
            throw ValidationException.of("key", "cannot change; create a new segment instead");
        }
        return segments.update(project, segment, req.content(), Actors.of(request), reason).map(SegmentView::of);
    }

    @DELETE
    @Path("/{segment}")
    @Operation(summary = "Delete a segment; refused with 409 while a flag rule still uses it")
    public Uni<RestResponse<Void>> delete(@PathParam("project") String project, @PathParam("segment") String segment,
                                          @HeaderParam(FlagResource.REASON_HEADER) String reason,
                                          @Context ContainerRequestContext request) {
        return segments.delete(project, segment, Actors.of(request), reason).map(ignored -> RestResponse.noContent());
    }
}
