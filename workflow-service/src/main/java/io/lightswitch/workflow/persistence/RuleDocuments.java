package io.lightswitch.workflow.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.workflow.domain.execution.ActionTypes;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Condition;
import io.lightswitch.workflow.domain.rule.IncreaseUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of columns {@code rule.condition} and {@code rule.actions}, written by hand so that what
 * is stored does not move with the API's request classes. Webhook secrets are stored as given: they sign
 * requests, so they cannot be hashed.
 */
final class RuleDocuments {

    static final String ABSOLUTE_THRESHOLD = "AbsoluteThreshold";
    static final String INCREASE_OVER_CONTROL = "IncreaseOverControl";
    static final String INCREASE_OVER_BASELINE = "IncreaseOverBaseline";

    private RuleDocuments() {
    }

    static String condition(Condition condition) {
        if (condition == null) {
            return null;
        }
        ObjectNode node = MessageCodec.mapper().createObjectNode();
        if (condition instanceof Condition.AbsoluteThreshold threshold) {
            node.put("type", ABSOLUTE_THRESHOLD).put("value", threshold.value());
        } else if (condition instanceof Condition.Increase increase) {
            node.put("type", increase instanceof Condition.IncreaseOverControl ? INCREASE_OVER_CONTROL
                            : INCREASE_OVER_BASELINE)
                    .put("amount", increase.amount())
                    .put("unit", increase.unit().name())
                    .put("confidence", increase.confidence());
        }
        return node.toString();
    }

    static Condition condition(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = read(json);
        return switch (node.path("type").asText()) {
            case ABSOLUTE_THRESHOLD -> new Condition.AbsoluteThreshold(node.path("value").asDouble());
            case INCREASE_OVER_CONTROL -> new Condition.IncreaseOverControl(node.path("amount").asDouble(),
                    IncreaseUnit.valueOf(node.path("unit").asText()), node.path("confidence").asDouble());
            case INCREASE_OVER_BASELINE -> new Condition.IncreaseOverBaseline(node.path("amount").asDouble(),
                    IncreaseUnit.valueOf(node.path("unit").asText()), node.path("confidence").asDouble());
            default -> throw new IllegalStateException("unknown stored condition " + json);
        };
    }

    static String actions(List<Action> actions) {
        ArrayNode array = MessageCodec.mapper().createArrayNode();
        for (Action action : actions) {
            ObjectNode node = array.addObject().put("type", ActionTypes.of(action));
            if (action instanceof Action.SetRollout setRollout) {
                ArrayNode split = node.putArray("split");
                setRollout.split().forEach(share -> split.addObject()
                        .put("variant", share.variant()).put("weight", share.weight()));
            } else if (action instanceof Action.CallWebhook webhook) {
                node.put("url", webhook.url()).put("method", webhook.method());
                ObjectNode headers = node.putObject("headers");
                webhook.headers().forEach(headers::put);
                node.put("bodyTemplate", webhook.bodyTemplate())
                        .put("secret", webhook.secret())
                        .put("signatureHeader", webhook.signatureHeader())
                        .put("maxAttempts", webhook.maxAttempts())
                        .put("initialBackoff", webhook.initialBackoff().toString());
            }
        }
        return array.toString();
    }

    static List<Action> actions(String json) {
        List<Action> actions = new ArrayList<>();
        for (JsonNode node : read(json)) {
            actions.add(switch (node.path("type").asText()) {
                case ActionTypes.DISABLE_FLAG -> new Action.DisableFlag();
                case ActionTypes.SET_ROLLOUT -> {
                    List<Action.SetRollout.Share> split = new ArrayList<>();
                    node.path("split").forEach(share -> split.add(new Action.SetRollout.Share(
                            share.path("variant").asText(), share.path("weight").asDouble())));
                    yield new Action.SetRollout(split);
                }
                case ActionTypes.CALL_WEBHOOK -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                    yield new Action.CallWebhook(node.path("url").asText(), node.path("method").asText(), headers,
                            node.path("bodyTemplate").asText(), text(node, "secret"),
                            node.path("signatureHeader").asText(), node.path("maxAttempts").asInt(),
                            Duration.parse(node.path("initialBackoff").asText()));
                }
                default -> throw new IllegalStateException("unknown stored action " + node);
            });
        }
        return actions;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode read(String json) {
        try {
            return MessageCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored rule document", e);
        }
    }
}
