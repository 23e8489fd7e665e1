package io.lightswitch.analytics.api;

import io.lightswitch.analytics.query.Parameters;
import io.lightswitch.analytics.query.Scope;
import io.lightswitch.analytics.query.SessionCursor;
import io.lightswitch.analytics.query.SessionReader;
import io.lightswitch.analytics.query.SessionSearch;
import io.lightswitch.analytics.query.SessionView;
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

@Path(ApiPaths.ENVIRONMENT + "/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Browser and API sessions, their timelines and replays")
@SecurityRequirement(name = "SecurityScheme")
public class SessionResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final SessionReader sessions;

    public SessionResource(SessionReader sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(summary = "Search sessions, newest first",
            description = "All criteria are optional and apply together. Pages are ordered by last seen, newest"
                    + " first; pass nextCursor as cursor for the next page. 400 names a bad parameter.")
    public Uni<SessionView.SessionPage> search(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "sessions that saw this flag") @QueryParam("flag") String flag,
            @Parameter(description = "... with this variant (needs flag)") @QueryParam("variant") String variant,
            @Parameter(description = "user id") @QueryParam("user") String user,
            @Parameter(description = "browser name, any case") @QueryParam("browser") String browser,
            @Parameter(description = "operating system, any case") @QueryParam("os") String os,
            @Parameter(description = "country code, any case") @QueryParam("country") String country,
            @Parameter(description = "true: sessions with errors; false: without") @QueryParam("hadErrors") String hadErrors,
            @Parameter(description = "last seen from, ISO-8601 instant (inclusive)") @QueryParam("from") String from,
            @Parameter(description = "last seen before, ISO-8601 instant; defaults to now when from is given") @QueryParam("to") String to,
            @Parameter(description = "last seen within this window ending now, e.g. 24h; instead of from and to") @QueryParam("window") String window,
            @Parameter(description = "page size, 1 to 200; default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        String cursorText = Parameters.optional(cursor);
        SessionSearch search = new SessionSearch(Parameters.optional(flag), Parameters.optional(variant),
                Parameters.optional(user), Parameters.optional(browser), Parameters.optional(os),
                Parameters.optional(country), Parameters.bool("hadErrors", hadErrors),
                TimeWindow.optional(window, from, to, Instant.now()),
                cursorText == null ? null : SessionCursor.decode(cursorText),
                Parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return sessions.search(new Scope(project, environment), search);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A session with its timeline",
            description = "The session and its page loads, actions, JS errors, custom events and span summaries"
                    + " in time order. 404 when the environment has no such session.")
    public Uni<SessionView.SessionDetail> detail(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "session id") @PathParam("id") String id) {
        return sessions.detail(new Scope(project, environment), id);
    }

    @GET
    @Path("/{id}/replay")
    @Operation(summary = "A session's replay",
            description = "The rrweb event chunks the page sent, in sequence order. 404 when the environment has"
                    + " no such session; an empty list when it has no replay.")
    public Uni<SessionView.SessionReplay> replay(
            @Parameter(description = ApiPaths.PROJECT_DESCRIPTION) @PathParam("project") String project,
            @Parameter(description = ApiPaths.ENVIRONMENT_DESCRIPTION) @PathParam("environment") String environment,
            @Parameter(description = "session id") @PathParam("id") String id) {
        return sessions.replay(new Scope(project, environment), id);
    }
}
