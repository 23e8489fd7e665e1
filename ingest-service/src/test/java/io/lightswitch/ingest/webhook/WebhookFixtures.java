package io.lightswitch.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

final class WebhookFixtures {

    private WebhookFixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = WebhookFixtures.class.getResourceAsStream("/webhooks/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
