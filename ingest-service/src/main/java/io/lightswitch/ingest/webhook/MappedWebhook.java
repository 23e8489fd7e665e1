package io.lightswitch.ingest.webhook;

import io.lightswitch.contracts.flag.FlagChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one provider delivery turned into. {@code eventId} identifies the delivery at the provider, so a
 * redelivery yields the same {@link #deliveryId(int)} and consumers drop it as a duplicate envelope.
 * {@code changes} is empty when the event does not change a flag.
 */
public record MappedWebhook(WebhookProvider provider, String eventId, Instant occurredAt, List<FlagChanged> changes) {

    public MappedWebhook {
        changes = List.copyOf(changes);
    }

    public static MappedWebhook ignored(WebhookProvider provider, String eventId, Instant occurredAt) {
        return new MappedWebhook(provider, eventId, occurredAt, List.of());
    }

    /** Envelope id for {@code changes().get(index)}. */
    public UUID deliveryId(int index) {
        return deliveryId(provider, eventId, index);
    }

    /** A name-based (v3) UUID of provider, provider event id and position: stable across redeliveries. */
    public static UUID deliveryId(WebhookProvider provider, String eventId, int index) {
        String name = provider.id() + ":" + eventId + ":" + index;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
