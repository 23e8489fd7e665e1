package io.lightswitch.ingest.webhook;

import static io.lightswitch.ingest.webhook.WebhookJson.environmentKey;
import static io.lightswitch.ingest.webhook.WebhookJson.orNull;
import static io.lightswitch.ingest.webhook.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.time.Instant;
import java.util.List;

/**
 * Flagsmith environment webhooks: {@code {"event_type", "data": {"changed_by", "new_state",
 * "previous_state", "timestamp"}}}.
 * <ul>
 *   <li>FLAG_UPDATED becomes created (no previous state), enabled or disabled (the {@code enabled} bit
 *       flipped) or updated (value, segment or identity override); FLAG_DELETED, or an update without
 *       new_state, becomes deleted.</li>
 *   <li>AUDIT_LOG_CREATED (organisation audit-log webhooks) maps to nothing: it carries a log line, not
 *       a flag state, and the same change also arrives as FLAG_UPDATED from the environment webhook.</li>
 *   <li>flagVersion is {@code data.timestamp} in epoch milliseconds: Flagsmith sends no version number
 *       and its feature-state id does not grow with each change.</li>
 *   <li>Flagsmith sends no event id, so the delivery id derives from the SHA-256 of the body, which a
 *       retry repeats byte for byte.</li>
 * </ul>
 */
public final class FlagsmithWebhookMapper implements WebhookMapper {

    static final String FLAG_UPDATED = "FLAG_UPDATED";
    static final String FLAG_DELETED = "FLAG_DELETED";

    @Override
    public WebhookProvider provider() {
        return WebhookProvider.FLAGSMITH;
    }

    @Override
    public MappedWebhook map(byte[] rawBody, String project) {
        JsonNode root = WebhookJson.parseObject(provider(), rawBody);
        String eventType = WebhookJson.requiredText(provider(), root, "event_type");
        String eventId = WebhookJson.sha256Hex(rawBody);
        if (!FLAG_UPDATED.equals(eventType) && !FLAG_DELETED.equals(eventType)) {
            return MappedWebhook.ignored(provider(), eventId, null);
        }

        JsonNode data = WebhookJson.requiredObject(provider(), root, "data");
        JsonNode after = orNull(data.path("new_state"));
        JsonNode before = orNull(data.path("previous_state"));
        JsonNode state = after != null ? after : before;
        if (state == null) {
            throw new WebhookPayloadException(provider(), "data has neither new_state nor previous_state");
        }
        String flagKey = text(state.path("feature").path("name"));
        if (flagKey == null) {
            throw new WebhookPayloadException(provider(), "missing feature.name");
        }
        String environmentName = environmentName(state.path("environment"));
        Instant timestamp = WebhookJson.instant(provider(), data.path("timestamp"), "data.timestamp");
        String changedBy = text(data.path("changed_by"));

        boolean deleted = FLAG_DELETED.equals(eventType) || after == null;
        String change = change(deleted, before, after);
        FlagChanged changed = new FlagChanged(
                project,
                environmentKey(environmentName),
                flagKey,
                timestamp.toEpochMilli(),
                change,
                new Actor(Actor.PROVIDER, provider().id(), changedBy),
                reason(changedBy, change, flagKey, environmentName, state),
                before,
                deleted ? null : after);
        return new MappedWebhook(provider(), eventId, timestamp, List.of(changed));
    }

    /** Newer Flagsmith versions send {@code {"id", "name"}}, older ones only the numeric id. */
    private String environmentName(JsonNode environment) {
        String name = text(environment.isObject() ? environment.path("name") : environment);
        if (name == null && environment.isObject()) {
            name = text(environment.path("id"));
        }
        if (name == null) {
            throw new WebhookPayloadException(provider(), "missing environment");
        }
        return name;
    }

    private static String change(boolean deleted, JsonNode before, JsonNode after) {
        if (deleted) {
            return "deleted";
        }
        if (before == null) {
            return "created";
        }
        boolean wasEnabled = before.path("enabled").asBoolean(false);
        boolean isEnabled = after.path("enabled").asBoolean(false);
        if (wasEnabled != isEnabled) {
            return isEnabled ? "enabled" : "disabled";
        }
        return "updated";
    }

    private static String reason(String changedBy, String change, String flagKey, String environmentName,
                                 JsonNode state) {
        String who = changedBy != null ? changedBy : "Flagsmith";
        String what = switch (change) {
            case "created" -> "created " + flagKey;
            case "deleted" -> "deleted " + flagKey;
            case "enabled" -> "turned " + flagKey + " on";
            case "disabled" -> "turned " + flagKey + " off";
            default -> "updated " + flagKey;
        };
        return who + " " + what + " in Flagsmith environment " + environmentName + scope(state);
    }

    /** Overrides change the flag for some users only; analytics needs to know the change was partial. */
    private static String scope(JsonNode state) {
        String identity = text(state.path("identity_identifier"));
        if (identity == null) {
            identity = text(state.path("identity"));
        }
        if (identity != null) {
            return " for identity " + identity + " only (identity override)";
        }
        if (orNull(state.path("feature_segment")) != null) {
            return " for a segment only (segment override)";
        }
        return "";
    }
}
