package io.lightswitch.workflow.domain.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What an incident (or a flag change) does; each action runs once per incident. */
public sealed interface Action {

    /** Turn the flag off in the rule's environment. */
    record DisableFlag() implements Action {
    }

    /**
     * Replace the flag's default split, e.g. back to 0% of the new variant:
     * {@code [{on, 0}, {off, 100}]}. Weights are percentages adding up to 100.
     */
    record SetRollout(List<Share> split) implements Action {
        public record Share(String variant, double weight) {
        }
    }

    /**
     * Send a rendered JSON body to a URL. With a {@code secret} the body is signed in
     * {@code signatureHeader} as {@code sha256=<hex HMAC-SHA256>}.
     */
    record CallWebhook(String url, String method, Map<String, String> headers, String bodyTemplate,
                       String secret, String signatureHeader, int maxAttempts, Duration initialBackoff)
            implements Action {

        public static final String DEFAULT_SIGNATURE_HEADER = "X-Lightswitch-Signature";
        public static final int DEFAULT_MAX_ATTEMPTS = 5;
        public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

        public CallWebhook {
            method = method == null ? "POST" : method;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            signatureHeader = signatureHeader == null ? DEFAULT_SIGNATURE_HEADER : signatureHeader;
        }

        /** A POST with default retries and no signature. */
        public static CallWebhook post(String url, String bodyTemplate) {
            return new CallWebhook(url, "POST", Map.of(), bodyTemplate, null, null, DEFAULT_MAX_ATTEMPTS,
                    DEFAULT_INITIAL_BACKOFF);
        }

        public CallWebhook signedWith(String newSecret) {
            return new CallWebhook(url, method, headers, bodyTemplate, newSecret, signatureHeader, maxAttempts,
                    initialBackoff);
        }

        public CallWebhook withHeaders(Map<String, String> newHeaders) {
            return new CallWebhook(url, method, newHeaders, bodyTemplate, secret, signatureHeader, maxAttempts,
                    initialBackoff);
        }
    }
}
