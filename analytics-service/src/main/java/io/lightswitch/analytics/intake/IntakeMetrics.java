package io.lightswitch.analytics.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Business figures of the intake on /q/metrics. */
@ApplicationScoped
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final Counter spans;
    private final Counter beacons;
    private final Counter duplicates;
    private final Timer flushes;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.spans = Counter.builder("lightswitch.analytics.spans.consumed")
                .description("Spans whose aggregates are committed").register(registry);
        this.beacons = Counter.builder("lightswitch.analytics.beacons.consumed")
                .description("RUM beacons whose aggregates are committed").register(registry);
        this.duplicates = Counter.builder("lightswitch.analytics.messages.duplicate")
                .description("Redelivered messages recognised by their envelope id and skipped").register(registry);
        this.flushes = Timer.builder("lightswitch.analytics.intake.flush")
                .description("Time to write one batch of messages in one transaction").register(registry);
    }

    void flushed(IntakeWriter.Written written, Duration took) {
        spans.increment(written.spans());
        beacons.increment(written.beacons());
        duplicates.increment(written.duplicates());
        flushes.record(took);
    }

    void deadLettered(String queue) {
        registry.counter("lightswitch.analytics.messages.dead_lettered", "queue", queue).increment();
    }
}
