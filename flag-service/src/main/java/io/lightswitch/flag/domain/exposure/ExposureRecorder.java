package io.lightswitch.flag.domain.exposure;

import io.lightswitch.flag.config.LightswitchConfig;
import io.lightswitch.flag.domain.serving.EnvironmentSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Remembers which (environment, flag, variant, context) this replica has already seen and queues the
 * first sightings for publishing. Both structures are bounded: the dedup set is fixed-size and lossy
 * (see {@link SeenSet}), and when the broker is away and the queue is full new sightings are dropped
 * and counted.
 */
@ApplicationScoped
public class ExposureRecorder {

    private final SeenSet seen;
    private final BlockingQueue<PendingExposure> pending;
    private final Counter recorded;
    private final Counter dropped;

    public ExposureRecorder(LightswitchConfig config, MeterRegistry registry) {
        this.seen = new SeenSet(config.exposures().dedupCapacity());
        this.pending = new ArrayBlockingQueue<>(config.exposures().bufferCapacity());
        this.recorded = registry.counter("lightswitch.exposures.recorded");
        this.dropped = registry.counter("lightswitch.exposures.dropped");
    }

    public void record(EnvironmentSnapshot environment, String flagKey, String variant, String contextId) {
        if (contextId == null || variant == null) {
            return;
        }
        long fingerprint = fingerprint(environment, flagKey, variant, contextId);
        if (!seen.add(fingerprint)) {
            return;
        }
        PendingExposure exposure = new PendingExposure(environment.projectKey(), environment.environmentKey(),
                flagKey, variant, contextId, Instant.now());
        if (pending.offer(exposure)) {
            recorded.increment();
        } else {
            seen.remove(fingerprint);
            dropped.increment();
        }
    }

    private static long fingerprint(EnvironmentSnapshot environment, String flagKey, String variant, String contextId) {
        String key = environment.environmentId() + "\u0000" + flagKey + "\u0000" + variant + "\u0000" + contextId;
        return MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8))[0];
    }

    public List<PendingExposure> drain(int max) {
        List<PendingExposure> batch = new ArrayList<>(Math.min(max, pending.size()));
        pending.drainTo(batch, max);
        return batch;
    }

    /** Puts back exposures whose publish failed, as far as there is room. */
    public void requeue(List<PendingExposure> exposures) {
        for (PendingExposure exposure : exposures) {
            if (!pending.offer(exposure)) {
                dropped.increment();
            }
        }
    }

    public int pendingCount() {
        return pending.size();
    }
}
