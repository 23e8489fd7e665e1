package io.lightswitch.workflow.domain.execution;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A rendered and signed webhook call, with how often and how patiently it is tried.
 *
 * @param deliveryId stable per incident and action, sent as {@link ActionPlanner#DELIVERY_HEADER} so a
 *                   receiver can drop the copies at-least-once delivery may bring
 */
public record WebhookRequest(UUID deliveryId, String url, String method, Map<String, String> headers, String body,
                             int maxAttempts, Duration initialBackoff) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
    }
}
