package io.lightswitch.flag.api;

import io.lightswitch.flag.api.FlagViews.EnabledRequest;
import io.lightswitch.flag.api.FlagViews.FlagView;
import io.lightswitch.flag.api.FlagViews.RolloutRequest;
import io.lightswitch.flag.api.FlagViews.StateRequest;
import io.lightswitch.flag.domain.FlagDefinition;
import io.lightswitch.flag.domain.FlagService;
import io.lightswitch.flag.domain.FlagStateDocument;
import io.lightswitch.flag.domain.FlagStateService;
import io.lightswitch.flag.domain.StateUpdate;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/projects/{project}/flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Flags")
@SecurityRequirement(name = "SecurityScheme")
public class FlagResource {

    static final String REASON_HEADER = "X-Change-Reason";

    private final FlagService flags;
    private final FlagStateService states;

    public FlagResource(FlagService flags, FlagStateService states) {
        this.flags = flags;
        this.states = states;
    }

    @POST
    @Operation(summary = "Create a flag; it starts switched off in every environment")
    public Uni<RestResponse<FlagView>> create(@PathParam("project") String project, FlagDefinition body,
                                              @Context ContainerRequestContext request) {
        FlagDefinition definition = Bodies.required(body);
        return flags.create(project, definition, Actors.of(request))
                .map(detail -> Bodies.created(
                        ("/api/v1/projects/" + project + "/flags/" + definition.key()), FlagView.of(detail)));
    }

    @GET
    @Operation(summary = "List flags, optionally those with a tag")
    public Uni<List<FlagView>> list(@PathParam("project") String project, @QueryParam("tag") String tag) {
        return flags.list(project, tag).map(all -> all.stream().map(f -> FlagView.of(f, List.of())).toList());
    }

    @GET
    @Path("/{flag}")
    @Operation(summary = "Get a flag with its state in every environment")
    public Uni<FlagView> get(@PathParam("project") String project, @PathParam("flag") String flag) {
        return flags.get(project, flag).map(FlagView::of);
    }

    @PUT
    @Path("/{flag}")
    @Operation(summary = "Update name, description, tags, variants and client visibility (the type is fixed)")
    public Uni<FlagView> update(@PathParam("project") String project, @PathParam("flag") String flag,
                                FlagDefinition body, @HeaderParam(REASON_HEADER) String reason,
                                @Context ContainerRequestContext request) {
        return flags.update(project, flag, Bodies.required(body), Actors.of(request), reason).map(FlagView::of);
    }

    @DELETE
    @Path("/{flag}")
    @Operation(summary = "Delete a flag from every environment")
    public Uni<RestResponse<Void>> delete(@PathParam("project") String project, @PathParam("flag") String flag,
                                          @HeaderParam(REASON_HEADER) String reason,
                                          @Context ContainerRequestContext request) {
        return flags.delete(project, flag, Actors.of(request), reason).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/{flag}/environments/{environment}")
    @Operation(summary = "Get the flag's state in one environment")
    public Uni<FlagStateDocument> getState(@PathParam("project") String project, @PathParam("flag") String flag,
                                           @PathParam("environment") String environment) {
        return states.get(project, flag, environment);
    }

    @PUT
    @Path("/{flag}/environments/{environment}")
    @Operation(summary = "Replace the flag's state in one environment: kill switch, off variant, rules, default, overrides")
    public Uni<FlagStateDocument> replaceState(@PathParam("project") String project, @PathParam("flag") String flag,
                                               @PathParam("environment") String environment, StateRequest body,
                                               @HeaderParam("If-Match") String ifMatch,
                                               @HeaderParam(REASON_HEADER) String reason,
                                               @Context ContainerRequestContext request) {
        StateRequest req = Bodies.required(body);
        Long expected = req.expectedVersion() != null ? req.expectedVersion() : versionFromIfMatch(ifMatch);
        return states.replace(project, flag, environment,
                new StateUpdate(req.enabled(), req.offVariant(), req.rules(), req.defaultServe(), req.overrides()),
                expected, Actors.of(request), reason);
    }

    @PUT
    @Path("/{flag}/environments/{environment}/enabled")
    @Operation(summary = "The kill switch: turn the flag on or off in one environment")
    public Uni<FlagStateDocument> setEnabled(@PathParam("project") String project, @PathParam("flag") String flag,
                                             @PathParam("environment") String environment, EnabledRequest body,
                                             @Context ContainerRequestContext request) {
        EnabledRequest req = Bodies.required(body);
        if (req.enabled() == null) {
            throw ValidationException.of("enabled", "is required: true or false");
        }
        return states.setEnabled(project, flag, environment, req.enabled(), Actors.of(request), req.reason(), null);
    }

    @PUT
    @Path("/{flag}/environments/{environment}/rollout")
    @Operation(summary = "Set the default split, e.g. [{variant: on, weight: 10}, {variant: off, weight: 90}]")
    public Uni<FlagStateDocument> setRollout(@PathParam("project") String project, @PathParam("flag") String flag,
                                             @PathParam("environment") String environment, RolloutRequest body,
                                             @Context ContainerRequestContext request) {
        RolloutRequest req = Bodies.required(body);
        return states.setRollout(project, flag, environment, req.split(), Actors.of(request), req.reason(), null);
    }

    private static Long versionFromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ValidationException.of("If-Match", "must be the state's version number");
        }
    }
}
