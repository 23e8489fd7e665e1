package io.lightswitch.workflow.domain.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * What one action of a rule firing comes to, decided before anything is written: a command for flag-service,
 * a webhook call, the record of what a dry run would have done, or the reason it cannot run.
 * {@code payload} is what the action's execution records: the command, or the request without header values.
 */
public sealed interface PlannedAction {

    int index();

    String type();

    JsonNode payload();

    /** @param envelope the encoded envelope, its id the command id */
    record Command(int index, String type, UUID commandId, String routingKey, JsonNode payload, byte[] envelope)
            implements PlannedAction {
    }

    record Webhook(int index, WebhookRequest request, JsonNode payload) implements PlannedAction {
        @Override
        public String type() {
            return ActionTypes.CALL_WEBHOOK;
        }
    }

    record DryRun(int index, String type, JsonNode payload) implements PlannedAction {
    }

    record Unrunnable(int index, String type, String reason, JsonNode payload) implements PlannedAction {
    }
}
