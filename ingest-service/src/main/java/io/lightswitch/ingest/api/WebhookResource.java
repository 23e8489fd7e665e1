package io.lightswitch.ingest.api;

import io.lightswitch.ingest.config.IngestConfig;
import io.lightswitch.ingest.domain.WebhookService;
import io.lightswitch.ingest.webhook.WebhookProvider;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Flag providers' change webhooks. The body is taken as bytes because the signature covers the exact
 * bytes sent. 202 only after the broker confirmed every FlagChanged; 503 otherwise, which providers retry.
 */
@Path("/webhooks")
public class WebhookResource {

    private final WebhookService webhooks;
    private final Duration retryAfter;

    public WebhookResource(WebhookService webhooks, IngestConfig config) {
        this.webhooks = webhooks;
        this.retryAfter = config.ingest().retryAfter();
    }

    /** How many FlagChanged events a delivery became; 0 for events that change no flag. */
    public record WebhookAccepted(int changes) {
    }

    @POST
    @Path("/flagsmith")
    public Uni<Response> flagsmith(@HeaderParam("X-Flagsmith-Signature") String signature, byte[] body) {
        return receive(WebhookProvider.FLAGSMITH, signature, body);
    }

    @POST
    @Path("/launchdarkly")
    public Uni<Response> launchDarkly(@HeaderParam("X-LD-Signature") String signature, byte[] body) {
        return receive(WebhookProvider.LAUNCHDARKLY, signature, body);
    }

    @POST
    @Path("/unleash")
    public Uni<Response> unleash(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return receive(WebhookProvider.UNLEASH, authorization, body);
    }

    private Uni<Response> receive(WebhookProvider provider, String authHeader, byte[] body) {
        return webhooks.receive(provider, authHeader, body)
                .map(changes -> Response.accepted(new WebhookAccepted(changes)).type(MediaType.APPLICATION_JSON).build())
                .onFailure().recoverWithItem(e -> Problems.of(e, retryAfter).build());
    }
}
