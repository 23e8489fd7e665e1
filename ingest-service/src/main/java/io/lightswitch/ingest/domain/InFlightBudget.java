package io.lightswitch.ingest.domain;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the decoded bytes of requests waiting for the broker. A request is always admitted when nothing
 * is in flight, so one request at the size limit gets through even with a smaller budget.
 */
public final class InFlightBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    public InFlightBudget(long capacity) {
        this.capacity = capacity;
    }

    public boolean tryAcquire(long bytes) {
        while (true) {
            long current = used.get();
            if (current > 0 && current + bytes > capacity) {
                return false;
            }
            if (used.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
    }

    public long used() {
        return used.get();
    }
}
