package io.lightswitch.ingest.webhook;

import static io.lightswitch.ingest.webhook.WebhookJson.environmentKey;
import static io.lightswitch.ingest.webhook.WebhookJson.orNull;
import static io.lightswitch.ingest.webhook.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Unleash's webhook addon, one event per delivery: {@code {id, type, createdBy, createdAt, featureName,
 * project, environment, data, preData, tags}}.
 * <ul>
 *   <li>Types that change what users get map (see {@link #CHANGES}); tagging, staleness, change requests
 *       and everything else give nothing.</li>
 *   <li>flagVersion is the event {@code id}: Unleash numbers its events in one increasing sequence.</li>
 *   <li>The addon may deliver an event twice; the delivery id derives from {@code id}, so both copies get
 *       the same envelope id.</li>
 *   <li>{@code data} and {@code preData} can be null (Unleash 8 sends null for environment toggles);
 *       after is then {@code {"enabled": true|false}} from the event type, and before stays null.</li>
 * </ul>
 */
public final class UnleashWebhookMapper implements WebhookMapper {

    static final Map<String, String> CHANGES = Map.ofEntries(
            Map.entry("feature-created", "created"),
            Map.entry("feature-revived", "created"),
            Map.entry("feature-environment-enabled", "enabled"),
            Map.entry("feature-environment-disabled", "disabled"),
            Map.entry("feature-strategy-add", "updated"),
            Map.entry("feature-strategy-update", "updated"),
            Map.entry("feature-strategy-remove", "updated"),
            Map.entry("feature-updated", "updated"),
            Map.entry("feature-metadata-updated", "updated"),
            Map.entry("feature-variants-updated", "updated"),
            Map.entry("feature-environment-variants-updated", "updated"),
            Map.entry("feature-dependency-added", "updated"),
            Map.entry("feature-dependency-removed", "updated"),
            Map.entry("feature-dependencies-removed", "updated"),
            Map.entry("feature-archived", "deleted"),
            Map.entry("feature-deleted", "deleted"));

    @Override
    public WebhookProvider provider() {
        return WebhookProvider.UNLEASH;
    }

    @Override
    public MappedWebhook map(byte[] rawBody, String project) {
        JsonNode root = WebhookJson.parseObject(provider(), rawBody);
        long id = eventId(root);
        String type = WebhookJson.requiredText(provider(), root, "type");
        JsonNode createdAtNode = orNull(root.path("createdAt"));
        Instant createdAt = createdAtNode == null ? null : WebhookJson.instant(provider(), createdAtNode, "createdAt");
        String change = CHANGES.get(type);
        if (change == null) {
            return MappedWebhook.ignored(provider(), Long.toString(id), createdAt);
        }

        String featureName = WebhookJson.requiredText(provider(), root, "featureName");
        String environment = text(root.path("environment"));
        String createdBy = text(root.path("createdBy"));
        JsonNode before = orNull(root.path("preData"));
        JsonNode after = orNull(root.path("data"));
        if (after == null && (change.equals("enabled") || change.equals("disabled"))) {
            after = MessageCodec.mapper().createObjectNode().put("enabled", change.equals("enabled"));
        }
        FlagChanged changed = new FlagChanged(
                project,
                environmentKey(environment),
                featureName,
                id,
                change,
                new Actor(Actor.PROVIDER, provider().id(), createdBy),
                reason(createdBy, type, featureName, environment, text(root.path("project"))),
                before,
                change.equals("deleted") ? null : after);
        return new MappedWebhook(provider(), Long.toString(id), createdAt, List.of(changed));
    }

    private long eventId(JsonNode root) {
        JsonNode id = root.path("id");
        if (id.canConvertToLong() && id.isIntegralNumber()) {
            return id.longValue();
        }
        String text = text(id);
        if (text == null) {
            throw new WebhookPayloadException(provider(), "missing id");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new WebhookPayloadException(provider(), "id is not a number: " + text, e);
        }
    }

    private static String reason(String createdBy, String type, String featureName, String environment,
                                 String unleashProject) {
        String what = switch (type) {
            case "feature-created" -> "created " + featureName;
            case "feature-revived" -> "revived " + featureName;
            case "feature-environment-enabled" -> "enabled " + featureName;
            case "feature-environment-disabled" -> "disabled " + featureName;
            case "feature-strategy-add" -> "added a strategy to " + featureName;
            case "feature-strategy-update" -> "updated a strategy of " + featureName;
            case "feature-strategy-remove" -> "removed a strategy from " + featureName;
            case "feature-archived" -> "archived " + featureName;
            case "feature-deleted" -> "deleted " + featureName;
            default -> "updated " + featureName + " (" + type + ")";
        };
        StringBuilder reason = new StringBuilder(createdBy != null ? createdBy : "Unleash").append(' ').append(what);
        if (environment != null) {
            reason.append(" in Unleash environment ").append(environment);
        }
        if (unleashProject != null) {
            reason.append(" (project ").append(unleashProject).append(')');
        }
        return reason.toString();
    }
}
