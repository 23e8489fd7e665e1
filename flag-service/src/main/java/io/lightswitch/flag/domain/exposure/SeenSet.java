package io.lightswitch.flag.domain.exposure;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size, lossy set of 64-bit fingerprints: one slot per fingerprint position, a newcomer
 * overwrites whoever held its slot. Memory is fixed at 8 bytes a slot and nothing is allocated per
 * call, so millions of distinct users cannot grow the heap; the price is that an evicted sighting may
 * be reported again, which consumers treat as idempotent.
 */
final class SeenSet {

    private final AtomicLongArray slots;
    private final int mask;

    SeenSet(int capacity) {
        int size = Integer.highestOneBit(Math.max(1024, capacity - 1)) << 1;
        this.slots = new AtomicLongArray(size);
        this.mask = size - 1;
    }

    /** True when the fingerprint was not there yet (and is now). */
    boolean add(long fingerprint) {
        long stored = fingerprint == 0 ? 1 : fingerprint;
        int slot = (int) (stored ^ (stored >>> 32)) & mask;
        if (slots.get(slot) == stored) {
            return false;
        }
        slots.set(slot, stored);
        return true;
    }

    void remove(long fingerprint) {
        long stored = fingerprint == 0 ? 1 : fingerprint;
        int slot = (int) (stored ^ (stored >>> 32)) & mask;
        slots.compareAndSet(slot, stored, 0);
    }
}
