package io.lightswitch.flag.messaging;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.flag.config.LightswitchConfig;
import io.lightswitch.flag.domain.exposure.ExposureRecorder;
import io.lightswitch.flag.domain.exposure.PendingExposure;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes queued first sightings as FlagExposed batches, one per environment, every second. Encoding
 * thousands of sightings takes milliseconds, so it runs on a worker thread, never on the event loop
 * that serves evaluations.
 */
@ApplicationScoped
public class ExposurePublisher {

    private static final int MAX_BATCHES_PER_FLUSH = 50;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final ExposureRecorder recorder;
    private final FlagEventPublisher publisher;
    private final int batchSize;

    public ExposurePublisher(ExposureRecorder recorder, FlagEventPublisher publisher, LightswitchConfig config) {
        this.recorder = recorder;
        this.publisher = publisher;
        this.batchSize = config.exposures().batchSize();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        List<PendingExposure> drained = recorder.drain(batchSize * MAX_BATCHES_PER_FLUSH);
        if (drained.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (List<PendingExposure> batch : batches(drained)) {
            sends.add(send(batch).onFailure().invoke(() -> recorder.requeue(batch)).onFailure().recoverWithNull());
        }
        Uni.join().all(sends).andFailFast().await().atMost(SEND_TIMEOUT);
    }

    private Uni<Void> send(List<PendingExposure> batch) {
        PendingExposure first = batch.get(0);
        var payload = new FlagExposed(first.projectKey(), first.environmentKey(), batch.stream()
                .map(e -> new FlagExposed.Exposure(e.flagKey(), e.variant(), e.contextId(), e.firstSeen()))
                .toList());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        byte[] body = MessageCodec.encode(id, MessageTypes.FLAG_EXPOSED, Outbox.SOURCE, now, payload);
        return publisher.publish(id, MessageTypes.FLAG_EXPOSED, RoutingKeys.FLAG_EXPOSED, now, body);
    }

    private List<List<PendingExposure>> batches(List<PendingExposure> drained) {
        Map<String, List<PendingExposure>> byEnvironment = new LinkedHashMap<>();
        for (PendingExposure exposure : drained) {
            byEnvironment.computeIfAbsent(exposure.projectKey() + "/" + exposure.environmentKey(),
                    k -> new ArrayList<>()).add(exposure);
        }
        List<List<PendingExposure>> batches = new ArrayList<>();
        for (List<PendingExposure> group : byEnvironment.values()) {
            for (int i = 0; i < group.size(); i += batchSize) {
                batches.add(group.subList(i, Math.min(group.size(), i + batchSize)));
            }
        }
        return batches;
    }
}
