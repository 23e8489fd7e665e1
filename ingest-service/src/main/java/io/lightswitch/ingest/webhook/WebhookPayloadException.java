package io.lightswitch.ingest.webhook;

/** A webhook body that is not JSON or lacks a field its provider always sends; answered with 400. */
public class WebhookPayloadException extends RuntimeException {

    private final WebhookProvider provider;

    public WebhookPayloadException(WebhookProvider provider, String reason) {
        this(provider, reason, null);
    }

    public WebhookPayloadException(WebhookProvider provider, String reason, Throwable cause) {
        super(provider.id() + " webhook: " + reason, cause);
        this.provider = provider;
    }

    public WebhookProvider provider() {
        return provider;
    }
}
