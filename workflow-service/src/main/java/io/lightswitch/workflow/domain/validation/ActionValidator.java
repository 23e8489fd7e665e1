package io.lightswitch.workflow.domain.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
import io.lightswitch.workflow.domain.webhook.TemplateException;
import io.lightswitch.workflow.domain.webhook.TemplateRenderer;
import io.lightswitch.workflow.domain.webhook.WebhookModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code actions[i].*} part of {@link RuleValidator}. */
final class ActionValidator {

    static final int MAX_ATTEMPTS = 10;
    static final Duration MAX_INITIAL_BACKOFF = Duration.ofMinutes(10);
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    // set by the HTTP client from the URL and the body, or by workflow-service itself
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "x-lightswitch-delivery", "x-lightswitch-incident");
    private static final double WEIGHT_TOLERANCE = 1e-6;

    private ActionValidator() {
    }

    static void validate(List<FieldError> errors, Rule rule) {
        List<Action> actions = rule.actions();
        if (actions == null || actions.isEmpty()) {
            errors.add(new FieldError("actions", "at least one action is required"));
            return;
        }
        for (int i = 0; i < actions.size(); i++) {
            String path = "actions[" + i + "]";
            Action action = actions.get(i);
            if (action == null) {
                errors.add(new FieldError(path, "required: DisableFlag, SetRollout or CallWebhook"));
            } else if (rule.trigger() == Trigger.FLAG_CHANGE && !(action instanceof Action.CallWebhook)) {
                errors.add(new FieldError(path, "flag-change rules can only call webhooks: a flag command would"
                        + " change the flag again and trigger the rule anew"));
            } else if (action instanceof Action.SetRollout setRollout) {
                validateSplit(errors, path + ".split", setRollout.split());
            } else if (action instanceof Action.CallWebhook webhook) {
                validateWebhook(errors, path, webhook, rule);
            }
        }
    }

    private static void validateSplit(List<FieldError> errors, String path, List<Action.SetRollout.Share> split) {
        if (split == null || split.isEmpty()) {
            errors.add(new FieldError(path, "at least one variant and weight is required"));
            return;
        }
        Set<String> variants = new HashSet<>();
        double total = 0;
        for (int i = 0; i < split.size(); i++) {
            Action.SetRollout.Share share = split.get(i);
            String sharePath = path + "[" + i + "]";
            if (share == null) {
                errors.add(new FieldError(sharePath, "required"));
                continue;
            }
            if (share.variant() == null || share.variant().isBlank()) {
                errors.add(new FieldError(sharePath + ".variant", "required"));
            } else if (!variants.add(share.variant())) {
                errors.add(new FieldError(sharePath + ".variant", "variant '" + share.variant() + "' appears twice"));
            }
            if (!Double.isFinite(share.weight()) || share.weight() < 0 || share.weight() > 100) {
                errors.add(new FieldError(sharePath + ".weight", "must be a percentage between 0 and 100"));
            } else {
                total += share.weight();
            }
        }
        if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
            errors.add(new FieldError(path, "weights must add up to 100, not " + total));
        }
    }

    private static void validateWebhook(List<FieldError> errors, String path, Action.CallWebhook webhook, Rule rule) {
        validateUrl(errors, path + ".url", webhook.url());
        if (!METHODS.contains(webhook.method())) {
            errors.add(new FieldError(path + ".method", "one of POST, PUT, PATCH"));
        }
        for (Map.Entry<String, String> header : webhook.headers().entrySet()) {
            if (!HEADER_NAME.matcher(header.getKey()).matches()) {
                errors.add(new FieldError(path + ".headers", "'" + header.getKey() + "' is not a header name"));
            } else if (RESERVED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path + ".headers." + header.getKey(), "set by workflow-service itself"));
            } else if (header.getValue() == null || header.getValue().contains("\r")
                    || header.getValue().contains("\n")) {
                errors.add(new FieldError(path + ".headers." + header.getKey(), "a value without line breaks is"
                        + " required"));
            }
        }
        if (!HEADER_NAME.matcher(webhook.signatureHeader()).matches()) {
            errors.add(new FieldError(path + ".signatureHeader", "not a header name"));
        }
        if (webhook.secret() != null && webhook.secret().isEmpty()) {
            errors.add(new FieldError(path + ".secret", "leave it out for unsigned calls, or give a non-empty"
                    + " secret"));
        }
        if (webhook.maxAttempts() < 1 || webhook.maxAttempts() > MAX_ATTEMPTS) {
            errors.add(new FieldError(path + ".maxAttempts", "between 1 and " + MAX_ATTEMPTS));
        }
        if (webhook.initialBackoff() == null || webhook.initialBackoff().isNegative()
                || webhook.initialBackoff().compareTo(MAX_INITIAL_BACKOFF) > 0) {
            errors.add(new FieldError(path + ".initialBackoff", "between PT0S and " + MAX_INITIAL_BACKOFF));
        }
        validateTemplate(errors, path + ".bodyTemplate", webhook.bodyTemplate(), rule);
    }

    private static void validateUrl(List<FieldError> errors, String path, String url) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError(path, "required"));
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add(new FieldError(path, "must be an http or https URL"));
            } else if (uri.getHost() == null) {
                errors.add(new FieldError(path, "must name a host"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError(path, "not a URL: " + e.getReason()));
        }
    }

    /**
     * Renders the template against the golden sample of the rule's trigger: it must compile, name only
     * fields the model has, and produce JSON, so a broken template shows up when the rule is saved rather
     * than during an incident.
     */
    private static void validateTemplate(List<FieldError> errors, String path, String template, Rule rule) {
        if (template == null || template.isBlank()) {
            errors.add(new FieldError(path, "required: a JSON body template"));
            return;
        }
        String rendered;
        try {
            var compiled = TemplateRenderer.compile(template);
            if (rule.trigger() == null) {
                return;
            }
            rendered = compiled.execute(WebhookModel.example(rule));
        } catch (TemplateException e) {
            errors.add(new FieldError(path, e.getMessage()));
            return;
        }
        try {
            if (rendered.isBlank()) {
                errors.add(new FieldError(path, "renders to an empty body"));
                return;
            }
            MessageCodec.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(rendered);
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(path, "does not render to JSON: " + e.getOriginalMessage()));
        }
    }
}
