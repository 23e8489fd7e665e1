package io.lightswitch.workflow.domain.reaction;

import io.lightswitch.workflow.delivery.WebhookWorker;
import io.lightswitch.workflow.domain.WorkflowMetrics;
import io.lightswitch.workflow.messaging.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;

/** What follows the commit of a message's effects: counting them, and waking the relay and the worker. */
@ApplicationScoped
public class CommitHooks {

    private final OutboxRelay relay;
    private final WebhookWorker worker;
    private final WorkflowMetrics metrics;

    public CommitHooks(OutboxRelay relay, WebhookWorker worker, WorkflowMetrics metrics) {
        this.relay = relay;
        this.worker = worker;
        this.metrics = metrics;
    }

    void committed(Effects effects) {
        effects.opened.forEach(opened -> metrics.incidentOpened(opened.trigger(), opened.dryRun()));
        effects.closed.forEach(metrics::incidentClosed);
        effects.actions.forEach(action -> metrics.action(action.type(), action.result()));
        for (int i = 0; i < effects.cooledDown; i++) {
            metrics.cooldownSuppressed();
        }
        if (effects.guardCreated) {
            metrics.defaultGuardCreated();
        }
        if (effects.tagsUnavailable) {
            metrics.flagTagsUnavailable();
        }
        if (effects.commandsQueued) {
            relay.kick();
        }
        if (effects.webhooksQueued) {
            worker.kick();
        }
    }
}
