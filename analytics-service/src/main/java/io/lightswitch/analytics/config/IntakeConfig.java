package io.lightswitch.analytics.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How the intake batches messages into transactions. */
@ConfigMapping(prefix = "lightswitch.intake")
public interface IntakeConfig {

    /** A flush starts at the latest this long after its first message arrived. */
    Duration flushInterval();

    /** A flush starts early once this many spans, beacon events and exposures are waiting. */
    long maxSpansPerFlush();

    /** ... or this many messages. */
    int maxMessagesPerFlush();
}
