package io.lightswitch.ingest.webhook;

/** Turns one provider's raw webhook body into Lightswitch flag changes. Call only after authenticating it. */
public interface WebhookMapper {

    WebhookProvider provider();

    /**
     * @param rawBody the request body as received
     * @param project the Lightswitch project key configured for this integration
     * @throws WebhookPayloadException when the body is not JSON or lacks a field the provider always sends
     */
    MappedWebhook map(byte[] rawBody, String project);
}
