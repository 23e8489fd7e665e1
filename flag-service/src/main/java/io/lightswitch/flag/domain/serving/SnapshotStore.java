package io.lightswitch.flag.domain.serving;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The environments this replica serves from memory. Reloads may finish out of order, so each carries
 * the ticket it was started with and a snapshot is kept only if no later-started reload already landed.
 */
@ApplicationScoped
public class SnapshotStore {

    private final AtomicLong tickets = new AtomicLong();
    private final Map<UUID, Versioned> byEnvironment = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    private record Versioned(long ticket, EnvironmentSnapshot snapshot) {
    }

    public EnvironmentSnapshot environment(UUID environmentId) {
        Versioned versioned = byEnvironment.get(environmentId);
        return versioned == null ? null : versioned.snapshot();
    }

    /** Taken before reading the database for a reload. */
    public long ticket() {
        return tickets.incrementAndGet();
    }

    public void offer(long ticket, EnvironmentSnapshot snapshot) {
        byEnvironment.merge(snapshot.environmentId(), new Versioned(ticket, snapshot),
                (current, candidate) -> candidate.ticket() > current.ticket() ? candidate : current);
    }

    public void forget(long ticket, UUID environmentId) {
        byEnvironment.computeIfPresent(environmentId, (id, current) -> ticket > current.ticket() ? null : current);
    }

    public void markLoaded() {
        loaded = true;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public int size() {
        return byEnvironment.size();
    }
}
