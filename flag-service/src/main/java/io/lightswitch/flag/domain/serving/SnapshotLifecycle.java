package io.lightswitch.flag.domain.serving;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads every environment before the service takes traffic, then reloads everything periodically in
 * case an event was missed while this replica was disconnected from the broker.
 */
@ApplicationScoped
public class SnapshotLifecycle {

    private final SnapshotLoader loader;

    public SnapshotLifecycle(SnapshotLoader loader) {
        this.loader = loader;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(loader::reloadAll);
    }

    @Scheduled(every = "${lightswitch.snapshot.full-refresh-interval}", delayed = "${lightswitch.snapshot.full-refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshAll() {
        return loader.reloadAll();
    }
}
