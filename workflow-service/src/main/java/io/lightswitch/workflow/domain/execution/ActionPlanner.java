package io.lightswitch.workflow.domain.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.contracts.workflow.SetRollout;
import io.lightswitch.workflow.domain.command.CommandFactory;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.webhook.TemplateException;
import io.lightswitch.workflow.domain.webhook.TemplateRenderer;
import io.lightswitch.workflow.domain.webhook.WebhookModel;
import io.lightswitch.workflow.domain.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a rule firing into one {@link PlannedAction} per action, in the rule's order. Everything an action
 * sends is decided here, once, when the incident opens: the command (its id from the incident and the
 * action's position, see {@link CommandFactory}) or the rendered, signed request. A later edit of the rule
 * does not change what an open incident sends, and a retried webhook repeats the same bytes.
 *
 * <p>A dry run builds the same payloads and sends none of them, so the incident shows what would have gone
 * out.
 */
public final class ActionPlanner {

    public static final String SOURCE = "workflow-service";
    public static final String DELIVERY_HEADER = "X-Lightswitch-Delivery";
    public static final String INCIDENT_HEADER = "X-Lightswitch-Incident";

    private ActionPlanner() {
    }

    public static List<PlannedAction> forIncident(Rule rule, UUID incidentId, ImpactVerdict verdict, Instant openedAt,
                                                  Clock clock) {
        Map<String, Object> model = WebhookModel.forIncident(rule, incidentId.toString(), verdict, openedAt);
        return plan(rule, incidentId, clock, index -> {
            Action action = rule.actions().get(index);
            if (action instanceof Action.DisableFlag) {
                DisableFlag command = CommandFactory.disableFlag(rule, incidentId.toString(), index, verdict);
                return command(index, ActionTypes.DISABLE_FLAG, command.commandId(), RoutingKeys.FLAG_DISABLE,
                        MessageTypes.DISABLE_FLAG, command, clock);
            }
            if (action instanceof Action.SetRollout setRollout) {
                SetRollout command = CommandFactory.setRollout(rule, incidentId.toString(), index, setRollout,
                        verdict);
                return command(index, ActionTypes.SET_ROLLOUT, command.commandId(), RoutingKeys.FLAG_SET_ROLLOUT,
                        MessageTypes.SET_ROLLOUT, command, clock);
            }
            return webhook(index, incidentId, (Action.CallWebhook) action, model);
        });
    }

    /** Flag-change rules only call webhooks (RuleValidator): a command would change the flag anew. */
    public static List<PlannedAction> forFlagChange(Rule rule, UUID incidentId, FlagChanged change,
                                                    Instant occurredAt, Clock clock) {
        Map<String, Object> model = WebhookModel.forFlagChange(rule, change, occurredAt);
        return plan(rule, incidentId, clock, index -> {
            Action action = rule.actions().get(index);
            if (action instanceof Action.CallWebhook webhook) {
                return webhook(index, incidentId, webhook, model);
            }
            return new PlannedAction.Unrunnable(index, ActionTypes.of(action),
                    "flag-change rules can only call webhooks", MessageCodec.mapper().createObjectNode());
        });
    }

    public static UUID deliveryId(UUID incidentId, int actionIndex) {
        String name = "delivery/v1\n" + incidentId + "\n" + actionIndex;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static List<PlannedAction> plan(Rule rule, UUID incidentId, Clock clock,
                                            Function<Integer, PlannedAction> planOne) {
        List<PlannedAction> planned = new ArrayList<>();
        for (int index = 0; index < rule.actions().size(); index++) {
            PlannedAction action;
            try {
                action = planOne.apply(index);
            } catch (TemplateException e) {
                action = new PlannedAction.Unrunnable(index, ActionTypes.CALL_WEBHOOK, e.getMessage(),
                        MessageCodec.mapper().createObjectNode());
            }
            if (rule.dryRun() && !(action instanceof PlannedAction.Unrunnable)) {
                action = new PlannedAction.DryRun(index, action.type(), action.payload());
            }
            planned.add(action);
        }
        return planned;
    }

    private static PlannedAction command(int index, String type, UUID commandId, String routingKey,
                                         String messageType, Object command, Clock clock) {
        byte[] envelope = MessageCodec.encode(MessageCodec.wrap(commandId, messageType, SOURCE, command, clock));
        return new PlannedAction.Command(index, type, commandId, routingKey, MessageCodec.tree(command), envelope);
    }

    private static PlannedAction webhook(int index, UUID incidentId, Action.CallWebhook action,
                                         Map<String, Object> model) {
        String body = TemplateRenderer.render(action.bodyTemplate(), model);
        UUID deliveryId = deliveryId(incidentId, index);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        action.headers().forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
        });
        headers.put(DELIVERY_HEADER, deliveryId.toString());
        headers.put(INCIDENT_HEADER, incidentId.toString());
        if (action.secret() != null) {
            headers.put(action.signatureHeader(), WebhookSigner.signatureHeaderValue(action.secret(), body));
        }
        WebhookRequest request = new WebhookRequest(deliveryId, action.url(), action.method(), headers, body,
                action.maxAttempts(), action.initialBackoff());
        return new PlannedAction.Webhook(index, request, describe(request));
    }

    /** The request as an incident shows it: header names only, since their values carry credentials. */
    static JsonNode describe(WebhookRequest request) {
        ObjectNode node = MessageCodec.mapper().createObjectNode();
        node.put("url", request.url());
        node.put("method", request.method());
        ArrayNode names = node.putArray("headers");
        request.headers().keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(names::add);
        node.put("body", request.body());
        return node;
    }
}
