package io.lightswitch.flag.domain;

import io.lightswitch.flag.domain.serving.SnapshotLoader;
import io.lightswitch.flag.messaging.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

/**
 * What follows a commit: the outbox relay is woken, and this replica's snapshot is refreshed before the
 * caller gets its answer, so a client reads its own write at once. Other replicas refresh on the event.
 */
@ApplicationScoped
public class CommitHooks {

    private final OutboxRelay relay;
    private final SnapshotLoader loader;

    public CommitHooks(OutboxRelay relay, SnapshotLoader loader) {
        this.relay = relay;
        this.loader = loader;
    }

    public Uni<Void> environmentsChanged(Collection<UUID> environmentIds) {
        relay.kick();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : environmentIds) {
            chain = chain.chain(() -> loader.reloadEnvironment(id));
        }
        return chain;
    }

    public Uni<Void> environmentChanged(String projectKey, String environmentKey) {
        relay.kick();
        return loader.reloadEnvironment(projectKey, environmentKey);
    }

    public Uni<Void> projectChanged(String projectKey) {
        relay.kick();
        return loader.reloadProject(projectKey);
    }

    public Uni<Void> credentialsChanged() {
        relay.kick();
        return loader.reloadCredentials();
    }
}
