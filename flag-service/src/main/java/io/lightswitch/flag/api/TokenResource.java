package io.lightswitch.flag.api;

import io.lightswitch.flag.domain.access.CredentialDirectory;
import io.lightswitch.flag.domain.access.Principal;
import io.lightswitch.flag.domain.access.TokenService;
import io.lightswitch.flag.persistence.Credential;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin tokens and credentials")
@SecurityRequirement(name = "SecurityScheme")
public class TokenResource {

    private final TokenService tokens;
    private final CredentialDirectory directory;

    public TokenResource(TokenService tokens, CredentialDirectory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    public record CreateTokenRequest(String name, String role) {
    }

    /** A token; {@code secret} is present only in the response that created it. */
    public record TokenView(String id, String name, String role, String prefix, String secret, Instant createdAt,
                            Instant revokedAt) {
        static TokenView of(Credential credential) {
            return new TokenView(credential.id, credential.name, credential.role, credential.keyPrefix, null,
                    credential.createdAt, credential.revokedAt);
        }
    }

    /** What other services need to authenticate requests themselves: hashes, never secrets. */
    public record CredentialHashView(String id, String kind, String role, String project, String environment,
                                     String keyHash) {
    }

    @POST
    @Path("/tokens")
    @Operation(summary = "Create an admin token with role admin, viewer (read-only) or service (shown once)")
    public Uni<RestResponse<TokenView>> create(CreateTokenRequest body, @Context ContainerRequestContext request) {
        CreateTokenRequest req = Bodies.required(body);
        return tokens.create(req.name(), req.role(), Actors.of(request)).map(issued -> RestResponse.status(
                RestResponse.Status.CREATED, new TokenView(issued.id(), issued.name(), issued.role(), issued.prefix(),
                        issued.secret(), issued.createdAt(), null)));
    }

    @GET
    @Path("/tokens")
    @Operation(summary = "List admin tokens, revoked ones included")
    public Uni<List<TokenView>> list() {
        return tokens.list().map(all -> all.stream().map(TokenView::of).toList());
    }

    @DELETE
    @Path("/tokens/{id}")
    @Operation(summary = "Revoke an admin token")
    public Uni<RestResponse<Void>> revoke(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return tokens.revoke(id, Actors.of(request)).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/credentials")
    @io.smallrye.common.annotation.NonBlocking
    @Operation(summary = "Hashes of every active key and token, for services that authenticate locally")
    public List<CredentialHashView> credentials() {
        return directory.active().entrySet().stream().map(e -> {
            Principal p = e.getValue();
            return new CredentialHashView(p.credentialId(), p.kind().wireName(),
                    p.role() == null ? null : p.role().wireName(), p.projectKey(), p.environmentKey(), e.getKey());
        }).toList();
    }
}
