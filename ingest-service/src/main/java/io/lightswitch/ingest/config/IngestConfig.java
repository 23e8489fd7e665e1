package io.lightswitch.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "lightswitch")
public interface IngestConfig {

    Ingest ingest();

    FlagService flagService();

    interface Ingest {
        /** Largest body accepted after decompression (OTLP recommends 20 MiB); more is answered 413. */
        MemorySize maxBodySize();

        /** Decoded bytes of requests waiting for broker confirms; more is answered 429 with Retry-After. */
        MemorySize maxInFlightBytes();

        /** A request with more spans is published as several messages of at most this many. */
        int maxSpansPerMessage();

        /** How long an answer waits for RabbitMQ to confirm before it becomes a 503. */
        Duration confirmTimeout();

        /** The Retry-After sent with 429 and 503. */
        Duration retryAfter();

        /** Accept telemetry without a key, attributed to {@link #anonymous()}. */
        boolean allowAnonymous();

        Anonymous anonymous();
    }

    interface Anonymous {
        String project();

        String environment();
    }

    interface FlagService {
        /** Where the current key hashes are loaded from at start. */
        String url();

        /** An admin or service token of flag-service, to read the key hashes. */
        String token();

        /** Pause between attempts to load the key hashes while flag-service is unreachable. */
        Duration retryInterval();
    }
}
