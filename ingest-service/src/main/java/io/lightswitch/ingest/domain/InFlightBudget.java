package io.lightswitch.ingest.domain;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the bytes of requests being decoded or waiting for the broker. A request is always admitted when
 * nothing else is in flight, so one request at the size limit gets through even with a smaller budget.
 */
public final class InFlightBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    public InFlightBudget(long capacity) {
        this.capacity = capacity;
    }

    public boolean tryAcquire(long bytes) {
        return tryAcquire(bytes, 0);
    }

    /** Takes more bytes for a request that already holds {@code held}; it alone in flight is always admitted. */
    private boolean tryAcquire(long bytes, long held) {
        while (true) {
            long current = used.get();
            if (current != held && current + bytes > capacity) {
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

    /** Admits a request of {@code bytes} before it is decoded; null when over the budget. */
    public Lease lease(long bytes) {
        return tryAcquire(bytes) ? new Lease(bytes) : null;
    }

    /**
     * What one request holds, from before decoding until its answer. Decoding grows it as the decoded
     * body grows (gzip), so concurrent decodes are bounded too, not only requests waiting for confirms.
     */
    public final class Lease implements AutoCloseable {

        private long held;

        private Lease(long held) {
            this.held = held;
        }

        public synchronized boolean grow(long bytes) {
            if (held < 0) {
                return false;
            }
            if (!tryAcquire(bytes, held)) {
                return false;
            }
            held += bytes;
            return true;
        }

        public synchronized long held() {
            return Math.max(0, held);
        }

        @Override
        public synchronized void close() {
            if (held >= 0) {
                release(held);
                held = -1;
            }
        }
    }
}
