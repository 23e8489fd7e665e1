package io.lightswitch.workflow.messaging;

import io.lightswitch.workflow.config.WorkflowConfig;
import io.lightswitch.workflow.persistence.ProcessedMessages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Forgets envelope ids older than the retention: no redelivery comes that late. */
@ApplicationScoped
public class Housekeeping {

    private final Pool pool;
    private final ProcessedMessages processed;
    private final Duration retention;

    public Housekeeping(Pool pool, ProcessedMessages processed, WorkflowConfig config) {
        this.pool = pool;
        this.processed = processed;
        this.retention = config.processedMessages().retention();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeProcessedMessages() {
        return processed.purgeBefore(pool, Instant.now().minus(retention)).replaceWithVoid();
    }
}
