package io.lightswitch.ingest.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * received and published count items (spans, log records); rejected counts items for reason
 * {@code invalid-item} and whole requests for every other reason, whose item count is unknown or moot.
 */
@ApplicationScoped
public class IngestMetrics {

    public static final String INVALID_ITEM = "invalid-item";

    private final MeterRegistry registry;
    private final Timer publishLatency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publishLatency = Timer.builder("lightswitch.ingest.publish.latency")
                .description("time from publishing a batch to the broker's confirm")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    public void received(Signal signal, int items) {
        counter("lightswitch.ingest.received", signal).increment(items);
    }

    public void rejected(Signal signal, String reason, int count) {
        Counter.builder("lightswitch.ingest.rejected").tag("signal", signal.tag).tag("reason", reason)
                .register(registry).increment(count);
    }

    public void published(Signal signal, int items) {
        counter("lightswitch.ingest.published", signal).increment(items);
    }

    public void publishLatency(Duration latency) {
        publishLatency.record(latency);
    }

    private Counter counter(String name, Signal signal) {
        return Counter.builder(name).tag("signal", signal.tag).register(registry);
    }
}
