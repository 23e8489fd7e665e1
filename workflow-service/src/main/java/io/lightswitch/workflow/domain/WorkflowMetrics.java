package io.lightswitch.workflow.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * The workflow's counters on /q/metrics. Effects of a message are counted after its transaction commits,
 * so a rolled-back attempt and its redelivery count once.
 */
@ApplicationScoped
public class WorkflowMetrics {

    private final MeterRegistry registry;

    public WorkflowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void incidentOpened(String trigger, boolean dryRun) {
        registry.counter("lightswitch.workflow.incidents.opened", "trigger", lower(trigger),
                "dry_run", Boolean.toString(dryRun)).increment();
    }

    public void incidentClosed(String reason) {
        registry.counter("lightswitch.workflow.incidents.closed", "reason", reason).increment();
    }

    /** One action reaching a result: queued, published, confirmed, delivered, failed or dry_run. */
    public void action(String type, String result) {
        registry.counter("lightswitch.workflow.actions", "type", type, "result", result).increment();
    }

    /** A webhook attempt: delivered, retry (will be tried again) or failed (given up). */
    public void webhookAttempt(String outcome, Duration took) {
        Timer.builder("lightswitch.workflow.webhook.deliveries").tag("outcome", outcome).register(registry)
                .record(took);
    }

    public void cooldownSuppressed() {
        registry.counter("lightswitch.workflow.cooldown.suppressed").increment();
    }

    public void defaultGuardCreated() {
        registry.counter("lightswitch.workflow.default.guards.created").increment();
    }

    public void flagTagsUnavailable() {
        registry.counter("lightswitch.workflow.flag.tags.unavailable").increment();
    }

    /** What became of a consumed message: processed, duplicate, dead_lettered or requeued. */
    public void message(String channel, String outcome) {
        registry.counter("lightswitch.workflow.messages", "channel", channel, "outcome", outcome).increment();
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
