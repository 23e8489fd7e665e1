package io.lightswitch.ingest.webhook;

/**
 * The flag providers whose change webhooks Lightswitch accepts, with the header that authenticates
 * each one. {@link #id()} is the provider name used as the actor id and in delivery ids.
 */
public enum WebhookProvider {
    FLAGSMITH("flagsmith", "X-Flagsmith-Signature"),
    LAUNCHDARKLY("launchdarkly", "X-LD-Signature"),
    UNLEASH("unleash", "Authorization");

    private final String id;
    private final String authHeader;

    WebhookProvider(String id, String authHeader) {
        this.id = id;
        this.authHeader = authHeader;
    }

    public String id() {
        return id;
    }

    public String authHeader() {
        return authHeader;
    }
}
