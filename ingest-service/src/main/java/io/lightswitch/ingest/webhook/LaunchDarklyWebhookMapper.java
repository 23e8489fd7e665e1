package io.lightswitch.ingest.webhook;

import static io.lightswitch.ingest.webhook.WebhookJson.environmentKey;
import static io.lightswitch.ingest.webhook.WebhookJson.orNull;
import static io.lightswitch.ingest.webhook.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LaunchDarkly webhooks, whose body is an audit-log entry ({@code _id}, {@code date}, {@code kind},
 * {@code name}, {@code accesses[{action, resource}]}, {@code member}, optional {@code previousVersion} and
 * {@code currentVersion}).
 * <ul>
 *   <li>Only {@code kind: "flag"} entries map; other kinds (projects, members, segments...) give nothing.</li>
 *   <li>One FlagChanged per (environment, flag) named in {@code accesses}; several actions on the same
 *       resource collapse into the strongest: deleted, created, enabled/disabled, updated.</li>
 *   <li>{@code updateOn} is enabled or disabled according to the environment's {@code on} in
 *       {@code currentVersion}, else to the title verb ("turned on"/"turned off"); failing both, updated.</li>
 *   <li>flagVersion is {@code date} (epoch ms): LaunchDarkly may deliver out of order and says to order by
 *       {@code date}; a consumer keeps the change with the greater flagVersion.</li>
 *   <li>before/after are {@code previousVersion}/{@code currentVersion} as sent, null when absent.</li>
 * </ul>
 */
public final class LaunchDarklyWebhookMapper implements WebhookMapper {

    @Override
    public WebhookProvider provider() {
        return WebhookProvider.LAUNCHDARKLY;
    }

    @Override
    public MappedWebhook map(byte[] rawBody, String project) {
        JsonNode root = WebhookJson.parseObject(provider(), rawBody);
        String eventId = WebhookJson.requiredText(provider(), root, "_id");
        Instant date = WebhookJson.instant(provider(), root.path("date"), "date");
        String kind = WebhookJson.requiredText(provider(), root, "kind");
        if (!kind.equals("flag")) {
            return MappedWebhook.ignored(provider(), eventId, date);
        }
        JsonNode accesses = root.path("accesses");
        if (!accesses.isArray()) {
            throw new WebhookPayloadException(provider(), "missing accesses");
        }

        Map<LaunchDarklyResource, Set<String>> actionsByResource = new LinkedHashMap<>();
        for (JsonNode access : accesses) {
            LaunchDarklyResource resource = LaunchDarklyResource.parse(text(access.path("resource")));
            String action = text(access.path("action"));
            if (resource.flag() != null && action != null) {
                actionsByResource.computeIfAbsent(resource, r -> new LinkedHashSet<>()).add(action);
            }
        }
        if (actionsByResource.isEmpty()) {
            throw new WebhookPayloadException(provider(), "no flag resource in accesses");
        }

        JsonNode before = orNull(root.path("previousVersion"));
        JsonNode after = orNull(root.path("currentVersion"));
        String who = memberName(root);
        List<FlagChanged> changes = new ArrayList<>();
        actionsByResource.forEach((resource, actions) -> {
            String change = change(actions, resource, root, after);
            changes.add(new FlagChanged(
                    project,
                    environmentKey(resource.environment()),
                    resource.flag(),
                    date.toEpochMilli(),
                    change,
                    new Actor(Actor.PROVIDER, provider().id(), who),
                    reason(who, change, resource, root),
                    before,
                    change.equals("deleted") ? null : after));
        });
        return new MappedWebhook(provider(), eventId, date, changes);
    }

    private static String change(Set<String> actions, LaunchDarklyResource resource, JsonNode root, JsonNode after) {
        if (actions.contains("deleteFlag") || actions.contains("archiveFlag")) {
            return "deleted";
        }
        if (actions.contains("createFlag") || actions.contains("cloneFlag")) {
            return "created";
        }
        if (actions.contains("updateOn")) {
            Boolean on = targetingOn(after, resource.environment());
            if (on == null) {
                on = onFromTitleVerb(text(root.path("titleVerb")));
            }
            if (on != null) {
                return on ? "enabled" : "disabled";
            }
        }
        return "updated";
    }

    /** The flag representation keeps per-environment state under {@code environments.<key>.on}. */
    private static Boolean targetingOn(JsonNode flag, String environment) {
        if (flag == null) {
            return null;
        }
        JsonNode on = environment == null ? flag.path("on") : flag.path("environments").path(environment).path("on");
        return on.isBoolean() ? on.booleanValue() : null;
    }

    private static Boolean onFromTitleVerb(String titleVerb) {
        if (titleVerb == null) {
            return null;
        }
        if (titleVerb.contains("turned on")) {
            return true;
        }
        if (titleVerb.contains("turned off")) {
            return false;
        }
        return null;
    }

    /** Changes made through an access token or an app have no member; their name says who then. */
    private static String memberName(JsonNode root) {
        JsonNode member = root.path("member");
        String email = text(member.path("email"));
        if (email != null) {
            return email;
        }
        String first = text(member.path("firstName"));
        String last = text(member.path("lastName"));
        if (first != null || last != null) {
            return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        String token = text(root.path("token").path("name"));
        return token != null ? token : text(root.path("app").path("name"));
    }

    private static String reason(String who, String change, LaunchDarklyResource resource, JsonNode root) {
        String verb = switch (change) {
            case "created" -> "created";
            case "deleted" -> "deleted";
            case "enabled" -> "turned on";
            case "disabled" -> "turned off";
            default -> "updated";
        };
        StringBuilder reason = new StringBuilder()
                .append(who != null ? who : "LaunchDarkly").append(' ')
                .append(verb).append(' ').append(resource.flag());
        if (resource.environment() != null) {
            reason.append(" in LaunchDarkly environment ").append(resource.environment());
        }
        if (resource.project() != null) {
            reason.append(" (project ").append(resource.project()).append(')');
        }
        String comment = text(root.path("comment"));
        if (comment != null) {
            reason.append(": ").append(comment);
        }
        return reason.toString();
    }
}
