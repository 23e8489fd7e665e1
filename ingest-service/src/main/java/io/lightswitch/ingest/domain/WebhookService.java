package io.lightswitch.ingest.domain;

import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.ingest.config.WebhookConfig;
import io.lightswitch.ingest.domain.ConfirmedPublishing.Outgoing;
import io.lightswitch.ingest.domain.IngestException.Kind;
import io.lightswitch.ingest.webhook.FlagsmithWebhookMapper;
import io.lightswitch.ingest.webhook.LaunchDarklyWebhookMapper;
import io.lightswitch.ingest.webhook.MappedWebhook;
import io.lightswitch.ingest.webhook.SharedSecretVerifier;
import io.lightswitch.ingest.webhook.SignatureVerifier;
import io.lightswitch.ingest.webhook.UnleashWebhookMapper;
import io.lightswitch.ingest.webhook.WebhookMapper;
import io.lightswitch.ingest.webhook.WebhookPayloadException;
import io.lightswitch.ingest.webhook.WebhookProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Authenticates a provider's delivery, maps it to FlagChanged events and publishes them on
 * {@code provider.flag-changed}, each with the delivery's deterministic envelope id so that consumers drop
 * the provider's redeliveries. Answers only after the broker confirmed every change.
 */
@ApplicationScoped
public class WebhookService {

    private final Map<WebhookProvider, Integration> integrations = new EnumMap<>(WebhookProvider.class);
    private final ConfirmedPublishing publishing;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public WebhookService(WebhookConfig config, ConfirmedPublishing publishing, IngestMetrics metrics) {
        this.publishing = publishing;
        this.metrics = metrics;
        config.flagsmith().secret().filter(s -> !s.isBlank()).ifPresent(secret -> integrations.put(
                WebhookProvider.FLAGSMITH, new Integration(new FlagsmithWebhookMapper(), config.flagsmith().project(),
                        signature(secret))));
        config.launchdarkly().secret().filter(s -> !s.isBlank()).ifPresent(secret -> integrations.put(
                WebhookProvider.LAUNCHDARKLY, new Integration(new LaunchDarklyWebhookMapper(),
                        config.launchdarkly().project(), signature(secret))));
        config.unleash().secret().filter(s -> !s.isBlank()).ifPresent(secret -> integrations.put(
                WebhookProvider.UNLEASH, new Integration(new UnleashWebhookMapper(), config.unleash().project(),
                        sharedSecret(secret))));
    }

    /** Checks the provider's authentication header against the raw body. */
    private interface Verification {
        boolean verify(byte[] rawBody, String header);
    }

    private record Integration(WebhookMapper mapper, String project, Verification verification) {
    }

    private static Verification signature(String secret) {
        SignatureVerifier verifier = new SignatureVerifier(secret);
        return verifier::verify;
    }

    private static Verification sharedSecret(String secret) {
        SharedSecretVerifier verifier = new SharedSecretVerifier(secret);
        return (rawBody, header) -> verifier.verify(header);
    }

    /** The number of flag changes published for the delivery. */
    public Uni<Integer> receive(WebhookProvider provider, String authHeader, byte[] rawBody) {
        MappedWebhook mapped;
        try {
            mapped = authenticatedAndMapped(provider, authHeader, rawBody);
        } catch (RefusedException e) {
            metrics.rejected(Signal.WEBHOOK, e.reason(), 1);
            return Uni.createFrom().failure(e);
        } catch (IngestException e) {
            metrics.rejected(Signal.WEBHOOK, e.reason(), 1);
            return Uni.createFrom().failure(e);
        } catch (WebhookPayloadException e) {
            metrics.rejected(Signal.WEBHOOK, "invalid-payload", 1);
            return Uni.createFrom().failure(e);
        }
        int changes = mapped.changes().size();
        metrics.received(Signal.WEBHOOK, changes);
        List<Outgoing> messages = new ArrayList<>(changes);
        for (int i = 0; i < changes; i++) {
            messages.add(new Outgoing(mapped.deliveryId(i), MessageTypes.FLAG_CHANGED,
                    RoutingKeys.PROVIDER_FLAG_CHANGED,
                    mapped.occurredAt() != null ? mapped.occurredAt() : clock.instant(), mapped.changes().get(i)));
        }
        return publishing.publish(messages)
                .onItem().invoke(() -> metrics.published(Signal.WEBHOOK, changes))
                .onFailure(IngestException.class)
                .invoke(e -> metrics.rejected(Signal.WEBHOOK, ((IngestException) e).reason(), 1))
                .replaceWith(changes);
    }

    private MappedWebhook authenticatedAndMapped(WebhookProvider provider, String authHeader, byte[] rawBody) {
        Integration integration = integrations.get(provider);
        if (integration == null) {
            throw new RefusedException(RefusedException.Kind.NOT_CONFIGURED,
                    "the " + provider.id() + " integration is not configured");
        }
        if (authHeader == null || authHeader.isBlank()) {
            throw new IngestException(Kind.UNAUTHENTICATED, "missing " + provider.authHeader() + " header");
        }
        if (!integration.verification().verify(rawBody, authHeader)) {
            throw new IngestException(Kind.UNAUTHENTICATED, provider == WebhookProvider.UNLEASH
                    ? "the Authorization header does not match the configured secret"
                    : "the " + provider.authHeader() + " signature does not match the body");
        }
        return integration.mapper().map(rawBody, integration.project());
    }
}
